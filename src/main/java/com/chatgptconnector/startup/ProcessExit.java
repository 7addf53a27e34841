package com.chatgptconnector.startup;

import java.util.logging.Logger;

/**
 * Ends the server process from a thread of its own: the deploying thread must go on (and fail
 * the deployment), because the servers' shutdown hooks wait for it. Should a hook hang, the
 * process is halted after {@link #GRACE_MILLIS}.
 */
final class ProcessExit {

    private static final Logger LOG = Logger.getLogger(ProcessExit.class.getName());
    static final long GRACE_MILLIS = 30_000;

    private ProcessExit() {
    }

    static void exitSoon(int status) {
        LOG.severe(() -> "Exiting with status " + status + " (connector.startup.exit-on-failure)");
        Thread exit = new Thread(() -> {
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(GRACE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Runtime.getRuntime().halt(status);
            }, "connector-halt");
            halt.setDaemon(true);
            halt.start();
            System.exit(status);
        }, "connector-exit");
        exit.start();
    }
}
