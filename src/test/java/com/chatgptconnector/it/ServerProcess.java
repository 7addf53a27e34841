package com.chatgptconnector.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The shipped WAR in a server process of its own, as an operator starts it: Payara Micro
 * ({@code java -jar payara-micro.jar --deploy ...}) or, with {@code -Pwildfly}, the configured
 * WildFly of the build ({@code bin/standalone.sh -c standalone-microprofile.xml}) with a server
 * directory of its own. For the tests that need several instances or the process' exit status.
 */
public final class ServerProcess {

    private ServerProcess() {
    }

    public static boolean wildfly() {
        return "wildfly".equals(System.getProperty("it.server"));
    }

    /** Starts an instance on {@code port}; {@code properties} become system properties (-Dkey=value). */
    public static Process start(String name, int port, Map<String, String> properties) throws IOException {
        Path logs = Path.of(System.getProperty("it.log.dir", "target/it-logs"));
        Files.createDirectories(logs);
        List<String> options = new ArrayList<>();
        options.add("-Xmx512m");
        ProcessBuilder builder;
        if (wildfly()) {
            Path home = Path.of(System.getProperty("wildfly.home"));
            Path base = Path.of(System.getProperty("it.data.dir", "target/it-data"), "wildfly-" + name);
            copy(home.resolve("standalone"), base);
            Files.copy(Path.of(System.getProperty("it.war")), base.resolve("deployments/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
            // standalone.sh evals JAVA_OPTS and its arguments: a value with a space or a ';' (a
            // provider's name, an H2 URL) would split the command line, so the properties go
            // into a file that the server reads at boot (--properties), as an operator's would
            Path file = base.resolve("configuration/connector-it.properties");
            Properties values = new Properties();
            values.putAll(properties);
            try (var out = Files.newBufferedWriter(file)) {
                values.store(out, "ServerProcess " + name);
            }
            builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-microprofile.xml",
                    "-Djboss.server.base.dir=" + base.toAbsolutePath(), "--properties=" + file.toAbsolutePath().toUri(),
                    "-Djboss.http.port=" + port, "-Djboss.https.port=" + (port + 1), "-Djboss.management.http.port=" + (port + 2));
            builder.environment().put("JAVA_OPTS", String.join(" ", options));
            builder.environment().put("JBOSS_HOME", home.toString());
            // the script passes SIGTERM on to the server and exits with the server's status
            builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        } else {
            properties.forEach((key, value) -> options.add("-D" + key + "=" + value));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(options);
            command.addAll(List.of("-jar", System.getProperty("payara.microJar"), "--nohazelcast", "--port", String.valueOf(port),
                    "--deploy", System.getProperty("it.war"), "--contextroot", "/"));
            String preboot = System.getProperty("payara.prebootCommands");
            if (preboot != null) {
                command.addAll(List.of("--prebootcommandfile", preboot));
            }
            builder = new ProcessBuilder(command);
        }
        return builder.redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile()).start();
    }

    /** Ports an instance takes from {@code port} on: Payara one, WildFly three (HTTP, HTTPS, management). */
    public static int portsPerInstance() {
        return wildfly() ? 3 : 1;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (!source.startsWith(from.resolve("deployments")) && !source.startsWith(from.resolve("log"))
                            && !source.startsWith(from.resolve("data")) && !source.startsWith(from.resolve("tmp"))) {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.createDirectories(to.resolve("deployments"));
    }
}
