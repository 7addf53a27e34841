package com.chatgptconnector.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.MessageText;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.settings.SettingsLifecycle.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsLifecycleTest {

    /**
     * All 16 pairs written out rather than derived from {@link Transition#from()}: a table computed
     * from the code under test would agree with any mistake in it.
     */
    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "DISABLED,  REQUEST_ACTIVATION, REQUESTED",
            "DISABLED,  ACTIVATE,           ACTIVE",
            "DISABLED,  SUSPEND,            refused",
            "DISABLED,  DEACTIVATE,         refused",
            "REQUESTED, REQUEST_ACTIVATION, refused",
            "REQUESTED, ACTIVATE,           ACTIVE",
            "REQUESTED, SUSPEND,            refused",
            "REQUESTED, DEACTIVATE,         DISABLED",
            "ACTIVE,    REQUEST_ACTIVATION, refused",
            "ACTIVE,    ACTIVATE,           refused",
            "ACTIVE,    SUSPEND,            SUSPENDED",
            "ACTIVE,    DEACTIVATE,         DISABLED",
            "SUSPENDED, REQUEST_ACTIVATION, refused",
            "SUSPENDED, ACTIVATE,           ACTIVE",
            "SUSPENDED, SUSPEND,            refused",
            "SUSPENDED, DEACTIVATE,         DISABLED"})
    void everyStateAndTransition(SettingsStatus current, Transition transition, String expected) {
        if (!expected.equals("refused")) {
            assertEquals(SettingsStatus.valueOf(expected), SettingsLifecycle.apply(current, transition));
            return;
        }
        ProblemException refused = assertThrows(ProblemException.class, () -> SettingsLifecycle.apply(current, transition));
        assertEquals(ErrorCode.INVALID_STATE_TRANSITION, refused.code());
        assertEquals(409, refused.code().status());
        // the client reloads and decides again from this, so it must be the state it is really in
        assertEquals(current.name(), refused.extensions().get("currentStatus"));
        // the detail text names both states in the caller's language, never as enum names
        assertArrayEquals(new Object[] {MessageText.of("status." + current.name()), MessageText.of("status." + transition.target().name())},
                refused.detailArgs());
    }
}
