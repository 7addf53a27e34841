package com.chatgptconnector.crypto;

import java.util.Locale;

/** {@code connector.mode}: development accepts the shipped secrets, production refuses them. */
public enum ConnectorMode {
    DEVELOPMENT, PRODUCTION;

    public static ConnectorMode parse(String value) {
        if (value == null || value.isBlank()) {
            return PRODUCTION;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "development", "dev" -> DEVELOPMENT;
            case "production", "prod" -> PRODUCTION;
            default -> throw new IllegalStateException(
                    "connector.mode must be 'development' or 'production', not '" + value + "'");
        };
    }
}
