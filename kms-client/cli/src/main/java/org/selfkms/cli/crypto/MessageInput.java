package org.selfkms.cli.crypto;

import picocli.CommandLine.Option;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** What is signed or verified: --message TEXT or --in FILE (- for standard input); exactly one. */
public final class MessageInput {

    @Option(names = "--message", required = true, paramLabel = "TEXT", description = "The message, as UTF-8 text")
    String text;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The message's bytes from FILE (- for stdin)")
    String file;

    byte[] bytes(InputStream stdin) {
        return text != null ? text.getBytes(StandardCharsets.UTF_8) : LocalFiles.readAll(file, stdin);
    }
}
