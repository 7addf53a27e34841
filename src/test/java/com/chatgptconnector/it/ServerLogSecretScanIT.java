package com.chatgptconnector.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other integration test (its own failsafe execution) and reads everything the
 * servers and tests printed during the run. No API key used by the tests may appear, whole or in
 * part, and nothing may look like an OpenAI key at all.
 */
class ServerLogSecretScanIT {

    private static final Pattern ANY_KEY = Pattern.compile("sk-[A-Za-z0-9_-]{20,}");

    @Test
    void noKeyEverAppearsInTheCapturedServerOutput() throws IOException {
        Path reports = Path.of(System.getProperty("it.war", "target/chatgpt-connector.war")).getParent().resolve("failsafe-reports");
        List<Path> outputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(reports)) {
            files.filter(p -> p.getFileName().toString().endsWith("-output.txt")).forEach(outputs::add);
        }
        // the logs of the servers that tests start themselves (TwoInstancesIT)
        Path ownLogs = Path.of(System.getProperty("it.log.dir", "target/it-logs"));
        if (Files.isDirectory(ownLogs)) {
            try (Stream<Path> files = Files.list(ownLogs)) {
                files.filter(p -> p.getFileName().toString().endsWith(".log")).forEach(outputs::add);
            }
        }
        assertFalse(outputs.isEmpty(), "no captured output in " + reports);
        String all = readAll(outputs);
        // proves that the capture really holds the servers' logs, so the scan below can fail
        assertTrue(all.contains("ChatGPT Connector started"), "server start-up lines are missing from the captured output");

        for (String key : TestKeys.all()) {
            assertFalse(all.contains(key), "a test API key appears in the server output");
            assertFalse(all.contains(key.substring(key.length() - 16)), "the tail of a test API key appears in the server output");
        }
        Matcher anyKey = ANY_KEY.matcher(all);
        List<String> found = new ArrayList<>();
        while (anyKey.find()) {
            found.add(anyKey.group().substring(0, 6) + "…");
        }
        assertTrue(found.isEmpty(), "something that looks like an OpenAI key appears in the server output: " + found);
    }

    private static String readAll(List<Path> files) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        return all.toString();
    }
}
