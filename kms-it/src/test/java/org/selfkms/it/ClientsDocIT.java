package org.selfkms.it;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/clients.md runs as written, against the test server: every ```java block is a complete program, compiled with
 * the client jars on its class path and run in a JVM of its own, its output compared with the ```text block right
 * after it (where there is one; "..." in it stands for any text on that line); then every ```sh block runs, in order,
 * in one bash with kmsctl - the launcher script and the runnable jar the build made - on the PATH.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Tag("clients")
class ClientsDocIT extends DeployedKms {

    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path PAGE = REPOSITORY.resolve("docs/clients.md");
    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern PUBLIC_CLASS = Pattern.compile("(?m)^public\\s+(?:final\\s+)?class\\s+(\\w+)");

    /** What each ```sh block of docs/clients.md prints (stdout and stderr), in order: regular expressions, whole output. */
    private static final List<String> EXPECTED_SH_OUTPUTS = List.of(
            "logged in to http://\\S+ as \\S+ until \\S+Z \\(session in \\S+/session\\.json\\)",      // login
            "(?ms)(?=.*^keyId +[0-9a-f-]+$)(?=.*^alias +ops-orders$)(?=.*^state +Enabled$).*",  // create
            "KEY ID +ALIAS +STATE +USAGE +VERSION +CREATED\n[0-9a-f-]+ +ops-orders +Enabled +ENCRYPT_DECRYPT +1 +\\S+Z", // list
            "ops-orders Enabled\nOrder fields",                                                     // jq
            "card 4111",                                                                            // encrypt, decrypt
            "kmsctl: refused \\(HTTP 400\\): CIPHERTEXT_INVALID: .+ \\(request \\S+\\)\nexit code 4", // without the context
            "encrypted orders\\.csv into orders\\.csv\\.skme under ops-orders\n"                   // file round trip
                    + "decrypted orders\\.csv\\.skme into orders-copy\\.csv \\(key [0-9a-f-]+, context \\{file=orders\\.csv\\}\\)\nsame",
            "key ops-orders disabled\nDisabled\nkmsctl: refused \\(HTTP 409\\): KEY_DISABLED: .+\nexit code 4\nkey ops-orders enabled", // disable
            "key ops-orders rotates automatically every 90 days\n2\n"                              // rotation
                    + "VERSION +CURRENT +CREATED\n1 +false +\\S+Z\n2 +true +\\S+Z",
            "ASYMMETRIC_SIGN_VERIFY_ECC\nsignature valid\nsignature NOT valid\nexit code 1",       // sign, verify
            "CreateKey ALLOWED\n(?s).*intact +true\n.*the trail is intact",                         // audit
            "kmsctl \\S+\nserver \\S+ \\(commit \\w+, schema \\d+\\)",                                 // version
            "logged out of http://\\S+\nkmsctl: not logged in: .+\nexit code 3\nops-orders",       // logout, environment
            "complete .*-F _complete_kmsctl kmsctl");                                             // completion

    @TempDir
    Path work;

    // ---------------------------------------------------------------- ```java blocks

    @Test
    @Order(1)
    void theJavaExamplesCompileRunAndPrintWhatTheTextAfterThemSays() throws Exception {
        List<Block> blocks = blocks();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (!block.language().equals("java")) {
                continue;
            }
            Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            String expected = next != null && next.language().equals("text") && next.directlyAfterPrevious() ? next.content() : null;
            String failure = runJava(block, expected);
            if (failure != null) {
                failures.add("java block at line " + block.line() + ": " + failure);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    private String runJava(Block block, String expectedOutput) throws Exception {
        Matcher publicClass = PUBLIC_CLASS.matcher(block.content());
        if (!publicClass.find()) {
            return "no public class: a java block is one complete program";
        }
        Path directory = Files.createTempDirectory(work, "java-block-");
        Path source = Files.writeString(directory.resolve(publicClass.group(1) + ".java"), block.content());
        Path classes = Files.createDirectories(directory.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, diagnostics, diagnostics, "--release", "17", "-proc:none", "-encoding", "UTF-8",
                "-classpath", classPath(), "-d", classes.toString(), source.toString());
        if (compiled != 0) {
            return "does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8);
        }
        Path runDirectory = Files.createDirectories(directory.resolve("run"));
        Path stderr = directory.resolve("stderr.txt");
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + classPath(), publicClass.group(1))
                .directory(runDirectory.toFile()).redirectError(stderr.toFile());
        exampleEnvironment(java.environment());
        Process process = java.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "did not end within 120 s";
        }
        if (process.exitValue() != 0) {
            return "exit code " + process.exitValue() + "\nstdout:\n" + stdout + "stderr:\n" + Files.readString(stderr);
        }
        if (expectedOutput != null && !matchesExpected(expectedOutput, stdout)) {
            return "printed\n" + stdout + "instead of\n" + expectedOutput + "stderr:\n" + Files.readString(stderr);
        }
        return null;
    }

    /**
     * Line by line, trailing spaces and blank lines around ignored; "..." in an expected line matches any text on
     * that line.
     */
    static boolean matchesExpected(String expected, String actual) {
        List<String> want = significantLines(expected);
        List<String> got = significantLines(actual);
        if (want.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            String pattern = Arrays.stream(want.get(i).split("\\.\\.\\.", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
            if (!got.get(i).matches(pattern)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> significantLines(String text) {
        List<String> lines = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The test's own class path: kms-client, kms-client-tink, kmsctl and their dependencies. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    // ---------------------------------------------------------------- ```sh blocks

    @Test
    @Order(2)
    void theShellExamplesRunVerbatimWithKmsctlOnThePath() throws Exception {
        List<String> blocks = blocks().stream().filter(block -> block.language().equals("sh")).map(Block::content).toList();
        assertEquals(EXPECTED_SH_OUTPUTS.size(), blocks.size(), "one expected output per sh block of docs/clients.md");
        Path launcher = REPOSITORY.resolve("kms-client/cli/src/main/sh/kmsctl");
        Path jar = REPOSITORY.resolve("kms-client/cli/target/kmsctl-" + System.getProperty("kms.it.project.version") + ".jar");
        assertTrue(Files.isExecutable(launcher), launcher + " is executable");
        assertTrue(Files.isRegularFile(jar), jar + " is built (mvn package -pl kms-client/cli)");
        requireTool("jq");

        StringBuilder script = new StringBuilder("set -e -o pipefail\n");
        for (int i = 0; i < blocks.size(); i++) {
            script.append("printf '\\n@@@ block ").append(i).append("\\n'\n").append(blocks.get(i));
        }
        Path shellDirectory = Files.createDirectories(work.resolve("shell"));
        ProcessBuilder shell = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true)
                .directory(shellDirectory.toFile());
        exampleEnvironment(shell.environment());
        shell.environment().put("PATH", launcher.getParent() + File.pathSeparator + System.getenv("PATH"));
        shell.environment().put("SELFKMS_CONFIG_DIR", work.resolve("kmsctl-config").toString());
        Process process = shell.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "the examples ran to the end:\n" + output);
        String[] outputs = output.split("(?m)^@@@ block \\d+\\n", -1);
        assertEquals(blocks.size() + 1, outputs.length, output);
        for (int i = 0; i < blocks.size(); i++) {
            String printed = outputs[i + 1].strip();
            assertTrue(Pattern.compile(EXPECTED_SH_OUTPUTS.get(i), Pattern.DOTALL).matcher(printed).matches(),
                    "block " + i + ":\n" + blocks.get(i) + "printed:\n" + printed);
        }
    }

    /** The four variables of the page's introduction; KMS_CA stays unset: the test server is plain HTTP. */
    private static void exampleEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("SELFKMS_") || name.equals("KMS_CA") || name.equals("TOKEN"));
        environment.put("KMS", baseUrl());
        environment.put("SECRET_ID", secretId());
        environment.put("SECRET_KEY", secretKey());
    }

    private static void requireTool(String tool) throws Exception {
        Process which = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
        assertEquals(0, which.waitFor(), tool + " is required to run the documented examples (not skipped: install it)");
    }

    // ---------------------------------------------------------------- the page

    /**
     * @param directlyAfterPrevious only blank lines between this block and the one before it (a program's output)
     */
    record Block(String language, String content, int line, boolean directlyAfterPrevious) {
    }

    private static List<Block> blocks() throws Exception {
        String markdown = Files.readString(PAGE);
        List<Block> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(markdown);
        int previousEnd = -1;
        while (fence.find()) {
            boolean adjacent = previousEnd >= 0 && markdown.substring(previousEnd, fence.start()).isBlank();
            int line = (int) markdown.substring(0, fence.start()).chars().filter(c -> c == '\n').count() + 1;
            blocks.add(new Block(fence.group(1), fence.group(2), line, adjacent));
            previousEnd = fence.end();
        }
        return blocks;
    }
}
