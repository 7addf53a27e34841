package com.chatgptconnector.security;

/**
 * A stored value that cannot be decrypted: malformed, under an unknown master key, tampered
 * with, or bound to another workspace. The message names the reason, never any key material.
 */
public class UndecryptableValueException extends RuntimeException {

    public UndecryptableValueException(String reason) {
        super(reason, null, false, false);
    }
}
