package org.selfkms.it;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The test server as an operating-system process, for the tests that must stop or crash it and start it again
 * (crash during rotation, startup with a wrong PIN). It is started the way Arquillian started it - same
 * folder, port offset, extra arguments and inherited environment - so the remaining test classes run against
 * the new process unchanged.
 */
final class ServerProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private ServerProcess() {
    }

    static Path serverDir() {
        return Path.of(System.getProperty("kms.it.server.dir")).toAbsolutePath();
    }

    static Path serverLog() {
        return serverDir().resolve("standalone/log/server.log");
    }

    /** SIGKILL: no shutdown hooks, no orderly undeploy - a crash. */
    static void kill() throws Exception {
        for (ProcessHandle server : processes()) {
            server.destroyForcibly();
            server.onExit().get();
        }
    }

    /** SIGTERM: WildFly shuts down in order, as an operator's stop does. */
    static void stop() throws Exception {
        for (ProcessHandle server : processes()) {
            server.destroy();
            server.onExit().get();
        }
    }

    private static List<ProcessHandle> processes() {
        String home = "-Djboss.home.dir=" + serverDir();
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(home)).toList();
        if (servers.isEmpty()) {
            throw new AssertionError("no server process found for " + serverDir());
        }
        return servers;
    }

    /**
     * Starts the server folder again and waits until the management interface answers and boot has finished
     * (deployments done or failed). {@code environment} adds to or overrides the inherited environment.
     */
    static void start(String name, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(serverDir().resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + System.getProperty("kms.it.port.offset", "100")));
        String extra = System.getProperty("kms.it.server.args", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        Path output = Path.of(System.getProperty("kms.it.build.dir", "target"), name + ".log");
        launch(command, output, environment, Integer.getInteger("kms.it.management.port", 10090));
    }

    /**
     * Runs {@code command} (a standalone.sh with its arguments), its output to {@code output}, and waits until the
     * management interface at {@code managementPort} reports that boot has finished (deployments done or failed).
     */
    static Process launch(List<String> command, Path output, Map<String, String> environment, int managementPort) throws Exception {
        Process process = spawn(command, output, environment);
        awaitBoot(process, output, managementPort);
        return process;
    }

    /** Runs {@code command} (a standalone.sh with its arguments), its output to {@code output}; does not wait. */
    static Process spawn(List<String> command, Path output, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_OPTS", "-Xmx1g");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Waits until the management interface at {@code managementPort} reports that boot has finished. */
    static void awaitBoot(Process process, Path output, int managementPort) throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!"running".equals(serverState(managementPort))) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                throw new AssertionError("the server did not finish booting within " + START_TIMEOUT + "; see " + output);
            }
            Thread.sleep(500);
        }
    }

    /** The management model's server-state ("starting", "running", ...), or null while nothing answers. */
    private static String serverState(int managementPort) {
        try {
            return readAttribute(managementPort, new ModelNode().setEmptyList(), "server-state");
        } catch (IOException notUpYet) {
            return null;
        }
    }

    /** A deployment's status as the management model reports it: OK, FAILED, STOPPED... */
    static String deploymentStatus(String deployment) throws IOException {
        return deploymentStatus(Integer.getInteger("kms.it.management.port", 10090), deployment);
    }

    static String deploymentStatus(int managementPort, String deployment) throws IOException {
        return readAttribute(managementPort, new ModelNode().add("deployment", deployment), "status");
    }

    /** An orderly shutdown through the management interface, as an operator's jboss-cli :shutdown. */
    static void shutdown(int managementPort) throws IOException {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("127.0.0.1", managementPort)) {
            ModelNode op = new ModelNode();
            op.get("operation").set("shutdown");
            op.get("address").setEmptyList();
            client.execute(op);
        }
    }

    private static String readAttribute(int managementPort, ModelNode address, String name) throws IOException {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("127.0.0.1", managementPort)) {
            ModelNode op = new ModelNode();
            op.get("operation").set("read-attribute");
            op.get("address").set(address);
            op.get("name").set(name);
            ModelNode result = client.execute(op);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IOException("read-attribute " + name + " failed: " + result.get("failure-description"));
            }
            return result.get("result").asString();
        }
    }

    /**
     * Where server.log ends now. The handler rotates the file at midnight and at a size limit, so a position is the
     * file's identity and an offset: a suite that runs across midnight must still find what was logged after it.
     */
    static LogPosition logPosition() throws IOException {
        return logPosition(serverLog());
    }

    /** The same for another of the server's log files (server.json). */
    static LogPosition logPosition(Path log) throws IOException {
        if (!Files.exists(log)) {
            return new LogPosition(log, null, 0);
        }
        return new LogPosition(log, fileKey(log), Files.size(log));
    }

    /**
     * What the server logged to that file after {@code from}: the rest of the file that position was in (renamed by a rotation
     * since, or still current) and, when it was rotated, the whole current file. Only tails are read: the log of a
     * whole suite runs to megabytes, and {@link #waitForLog} polls this every few milliseconds.
     */
    static String logSince(LogPosition from) throws IOException {
        Path current = from.file();
        if (!Files.exists(current)) {
            return "";
        }
        if (from.fileKey() == null || from.fileKey().equals(fileKey(current))) {
            return tail(current, from.offset());
        }
        StringBuilder logged = new StringBuilder();
        try (var rotated = Files.list(current.getParent())) {
            for (Path file : (Iterable<Path>) rotated::iterator) {
                if (file.getFileName().toString().startsWith(current.getFileName() + ".") && from.fileKey().equals(fileKey(file))) {
                    logged.append(tail(file, from.offset()));
                }
            }
        }
        return logged.append(tail(current, 0)).toString();
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static String tail(Path file, long from) throws IOException {
        try (FileChannel log = FileChannel.open(file)) {
            long size = log.size();
            if (from >= size) {
                return "";
            }
            ByteBuffer tail = ByteBuffer.allocate(Math.toIntExact(size - from));
            while (tail.hasRemaining() && log.read(tail, from + tail.position()) >= 0) {
                // read until the tail is full or the file ends
            }
            return new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
        }
    }

    /** A place in a log: the file, which of its generations (the inode, which a rename keeps) and how far into it. */
    record LogPosition(Path file, Object fileKey, long offset) {
    }

    static void waitForLog(LogPosition from, String line, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!logSince(from).contains(line)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the server never logged: " + line);
            }
            Thread.sleep(5);
        }
    }
}
