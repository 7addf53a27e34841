package com.chatgptconnector.crypto;

/**
 * The master keyring configuration is missing or unusable. Unchecked so that it fails the
 * deployment; the message names the config key to fix and never contains key material.
 */
public class CryptoConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public CryptoConfigurationException(String message) {
        super(message);
    }
}
