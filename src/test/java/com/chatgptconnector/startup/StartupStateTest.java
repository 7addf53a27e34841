package com.chatgptconnector.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What /health/ready shows of a failed start: our own message, or only exception types. */
class StartupStateTest {

    @Test
    void ourOwnConfigurationMessagesAreShown() {
        assertEquals("connector.crypto.keyring is not set", StartupState.reason(new IllegalStateException("connector.crypto.keyring is not set")));
    }

    @Test
    void otherMessagesAreNotShownForTheyMayNameHostsAndUsers() {
        RuntimeException flyway = new RuntimeException("Unable to obtain connection to db.internal:5432 as admin",
                new SQLException("password authentication failed for user admin"));
        assertEquals("RuntimeException caused by SQLException", StartupState.reason(flyway));
    }
}
