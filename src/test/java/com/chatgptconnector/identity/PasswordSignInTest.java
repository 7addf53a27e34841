package com.chatgptconnector.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code connector.auth.password-sign-in=false} leaves the password to the break-glass operator alone. */
class PasswordSignInTest {

    @Test
    void onlyTheBreakGlassOperatorKeepsThePasswordWhenPasswordSignInIsOff() {
        assertTrue(ConnectorIdentityStore.passwordAllowed(true, "operator", "adam"));
        assertTrue(ConnectorIdentityStore.passwordAllowed(false, "operator", "operator"));
        assertFalse(ConnectorIdentityStore.passwordAllowed(false, "operator", "adam"));
        assertFalse(ConnectorIdentityStore.passwordAllowed(false, "operator", "Operator"), "exactly that account");
    }
}
