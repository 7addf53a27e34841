package com.chatgptconnector.settings;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.MessageText;
import com.chatgptconnector.problem.ProblemException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The activation state machine. Each transition names the states it may start from; anything
 * else is a 409 that tells the client the current state, so it can reload and decide again.
 */
public final class SettingsLifecycle {

    public enum Transition {
        REQUEST_ACTIVATION(SettingsStatus.REQUESTED, EnumSet.of(SettingsStatus.DISABLED)),
        ACTIVATE(SettingsStatus.ACTIVE, EnumSet.of(SettingsStatus.DISABLED, SettingsStatus.REQUESTED, SettingsStatus.SUSPENDED)),
        SUSPEND(SettingsStatus.SUSPENDED, EnumSet.of(SettingsStatus.ACTIVE)),
        DEACTIVATE(SettingsStatus.DISABLED, EnumSet.of(SettingsStatus.REQUESTED, SettingsStatus.ACTIVE, SettingsStatus.SUSPENDED));

        private final SettingsStatus target;
        private final Set<SettingsStatus> from;

        Transition(SettingsStatus target, Set<SettingsStatus> from) {
            this.target = target;
            this.from = from;
        }

        public SettingsStatus target() {
            return target;
        }

        public Set<SettingsStatus> from() {
            return from;
        }
    }

    private SettingsLifecycle() {
    }

    public static SettingsStatus apply(SettingsStatus current, Transition transition) {
        if (!transition.from.contains(current)) {
            throw new ProblemException(ErrorCode.INVALID_STATE_TRANSITION,
                    Map.of("currentStatus", current.name(), "transition", transition.name()),
                    MessageText.of("status." + current.name()), MessageText.of("status." + transition.target.name()));
        }
        return transition.target;
    }
}
