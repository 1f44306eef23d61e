package org.selfkms.dist;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One installation from the tarball, driven only as docs/install.md tells an operator to: unpack, edit
 * etc/selfkms.env, and run bin/selfkms. The tests see nothing of Maven's server folder.
 */
final class Installation {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Path home;
    private final int portOffset;
    private Process server;

    private Installation(Path home, int portOffset) {
        this.home = home;
        this.portOffset = portOffset;
    }

    /** Unpacks the tarball into {@code parent} and sets the port offset in its settings file. */
    static Installation unpack(Path tarball, Path parent, int portOffset) throws Exception {
        Files.createDirectories(parent);
        Result untar = run(parent, List.of("tar", "-xzf", tarball.toString()));
        if (untar.exitCode() != 0) {
            throw new AssertionError("tar failed: " + untar.output());
        }
        String folder = tarball.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
        Path home = parent.resolve(folder).toRealPath();
        Files.writeString(home.resolve("etc/selfkms.env"), "\n# DistributionIT\nSELFKMS_PORT_OFFSET=" + portOffset + "\n",
                StandardOpenOption.APPEND);
        return new Installation(home, portOffset);
    }

    /** Adds settings to etc/selfkms.env ({@code NAME=value} lines), as an operator edits it. */
    void settings(String... lines) throws IOException {
        Files.writeString(home.resolve("etc/selfkms.env"), String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    }

    int httpPort() {
        return 8080 + portOffset;
    }

    Path dataDir() {
        return home.resolve("standalone/data/kms");
    }

    /** {@code bin/selfkms start} in the foreground, as systemd runs it; returns once the KMS answers. */
    void start(String logName) throws Exception {
        if (answers()) {
            throw new AssertionError("something answers on port " + httpPort() + " already:\n" + processes());
        }
        Path output = home.resolve(logName + ".out");
        server = selfkms("start").redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!answers()) {
            if (!server.isAlive()) {
                throw new AssertionError("bin/selfkms start ended with " + server.exitValue() + ":\n" + Files.readString(output)
                        + "\nprocesses:\n" + processes());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the KMS did not answer within " + START_TIMEOUT + "; see " + output);
            }
            Thread.sleep(500);
        }
    }

    /** What runs on this machine, for a port that another process holds. */
    private String processes() throws Exception {
        return run(home, List.of("ps", "-eo", "pid,ppid,lstart,args")).output();
    }

    /** Deployed and serving: the REST door answers its anonymous OpenAPI document. */
    private boolean answers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + "/api/v1/openapi.yaml"))
                    .timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The process that {@code start} began (standalone.sh, exec'd by bin/selfkms), or null. */
    Process server() {
        return server;
    }

    /** {@code bin/selfkms <arguments>}, to its end. */
    Result command(String... arguments) throws Exception {
        Process process = selfkms(arguments).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/selfkms " + String.join(" ", arguments) + " did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    private ProcessBuilder selfkms(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/selfkms").toString());
        command.addAll(Arrays.asList(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        // the installation's own settings file only: nothing of the build's environment (a CI pass's KMS_DB ...)
        builder.environment().keySet().removeIf(name -> name.startsWith("KMS_") || name.startsWith("SELFKMS_")
                || name.startsWith("JBOSS_") || name.equals("JAVA_OPTS"));
        return builder;
    }

    /** Removes the whole installation, data and all. */
    void delete() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path directory, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }
}
