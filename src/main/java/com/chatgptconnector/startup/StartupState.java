package com.chatgptconnector.startup;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether start-up has finished, and why it failed if it did; read by {@link StartupReadinessCheck}. */
@ApplicationScoped
public class StartupState {

    private volatile boolean started;
    private volatile String failure;

    void started() {
        started = true;
    }

    void failed(RuntimeException e) {
        failure = reason(e);
    }

    boolean isStarted() {
        return started;
    }

    String failure() {
        return failure;
    }

    /**
     * Public on /health/ready, so only what our own checks wrote (the configuration's and the
     * database check's messages name a key or an SQL state, never a secret); of anything else
     * the exception's type, since a driver's message may name hosts and users.
     */
    static String reason(Throwable e) {
        if (e instanceof IllegalStateException && e.getMessage() != null) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName() + (root == e ? "" : " caused by " + root.getClass().getSimpleName());
    }
}
