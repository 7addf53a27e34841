package com.chatgptconnector.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A service that cannot start must not look alive: in production mode without a keyring the
 * server process exits with status 1 (connector.startup.exit-on-failure, on by default in
 * production), on Payara Micro as on WildFly, and the log says why.
 */
class StartupFailureIT {

    @Test
    void withoutAKeyringInProductionTheProcessExitsWithStatusOne() throws Exception {
        int port = TwoInstancesIT.freePorts(ServerProcess.portsPerInstance());
        Path data = Path.of(System.getProperty("it.data.dir", "target/it-data"), "startup-failure");
        Files.createDirectories(data);
        Process server = ServerProcess.start("startup-failure", port, Map.of(
                "connector.mode", "production",
                "connector.data-dir", data.toAbsolutePath().toString(),
                "connector.crypto.keyring", ""));
        try {
            assertTrue(server.waitFor(4, TimeUnit.MINUTES), "the process is still running without the application");
            assertEquals(1, server.exitValue(), "exit status");
            String log = Files.readString(Path.of(System.getProperty("it.log.dir", "target/it-logs"), "startup-failure.log"));
            assertTrue(log.contains("ChatGPT Connector cannot start: connector.crypto.keyring is not set"), "the log says why");
        } finally {
            server.destroyForcibly();
        }
    }
}
