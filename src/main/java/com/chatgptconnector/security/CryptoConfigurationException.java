package com.chatgptconnector.security;

/** The master keyring configuration is missing or unusable; the message names the key to fix. */
public class CryptoConfigurationException extends IllegalStateException {

    public CryptoConfigurationException(String message) {
        super(message);
    }
}
