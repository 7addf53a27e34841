package com.chatgptconnector.crypto;

/**
 * A stored value that cannot be decrypted: malformed, under an unknown master key, tampered
 * with, or bound to another workspace. The message names the reason, never any plaintext or
 * key material, so it is safe to log and to put in the audit trail.
 */
public class UndecryptableValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UndecryptableValueException(String reason) {
        super(reason);
    }
}
