package com.chatgptconnector.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.settings.SettingsLifecycle.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsLifecycleTest {

    /** Every state × every transition: the target, or "refused". */
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
    void transitions(SettingsStatus from, Transition transition, String expected) {
        if (expected.equals("refused")) {
            ProblemException refused = assertThrows(ProblemException.class, () -> SettingsLifecycle.apply(from, transition));
            assertEquals(ErrorCode.INVALID_STATE_TRANSITION, refused.code());
            assertEquals(from.name(), refused.extensions().get("currentStatus"), "the refusal names the current state");
            assertEquals(409, refused.code().status());
        } else {
            assertEquals(SettingsStatus.valueOf(expected), SettingsLifecycle.apply(from, transition));
        }
    }
}
