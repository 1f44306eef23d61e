package org.selfkms.cli.crypto;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.cli.ExitCode;
import org.selfkms.cli.KmsctlCommand;
import org.selfkms.client.EncryptionContext;
import org.selfkms.client.envelope.MessageInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The reverse of {@link EncryptCommand}: a blob through the server (POST /api/v1/decrypt), an envelope-encrypted
 * file through the library. {@code --in} takes either and tells them apart by content ({@link ServerBlob}).
 */
@Command(name = "decrypt", description = {
        "Decrypt a blob of kmsctl encrypt --data (--blob BASE64, or a file holding it), or a file of kmsctl encrypt --in.",
        "The plaintext goes to stdout as it is (no newline added), or to --out FILE."})
public final class DecryptCommand extends KmsctlCommand {

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--blob", required = true, paramLabel = "BASE64", description = "The ciphertext blob (- reads it from stdin)")
        String blob;

        @Option(names = "--in", required = true, paramLabel = "FILE",
                description = "A file holding a blob, or an envelope-encrypted file (- for stdin)")
        String file;
    }

    @Option(names = "--out", paramLabel = "FILE", description = "Write the plaintext to FILE instead of stdout")
    String out;

    @Mixin
    ContextOption context;

    @Override
    public Integer call() {
        if (input.blob != null) {
            String blob = LocalFiles.isStandardStream(input.blob)
                    ? new String(LocalFiles.readAll(LocalFiles.STANDARD_STREAM, run().invocation().stdin()), StandardCharsets.US_ASCII).strip()
                    : input.blob;
            return decryptBlob(blob);
        }
        BufferedInputStream message = new BufferedInputStream(open(input.file), ServerBlob.MAX_TEXT_LENGTH + 1);
        byte[] head = new byte[ServerBlob.MAX_TEXT_LENGTH + 1];
        int length = readHead(message, head);
        if (ServerBlob.isBlobText(head, length)) {
            return decryptBlob(ServerBlob.text(head, length));
        }
        return decryptEnvelope(message);
    }

    private Integer decryptBlob(String blob) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("ciphertextBlob", blob);
        if (!context.context().isEmpty()) {
            body.add("encryptionContext", context.context().toJson());
        }
        JsonObject answer = server().post("/decrypt", body.build());
        byte[] plaintext = Base64.getDecoder().decode(answer.getString("plaintext"));
        if (out != null && !LocalFiles.isStandardStream(out)) {
            LocalFiles.write(out, plaintext, null);
            if (output().isJson()) {
                output().json(Json.createObjectBuilder().add("keyId", answer.getString("keyId")).build());
            }
        } else if (output().isJson()) {
            output().json(answer);
        } else {
            output().bytes(plaintext);
        }
        return ExitCode.OK;
    }

    private Integer decryptEnvelope(InputStream message) {
        EncryptionContext expected = context.context().isEmpty() ? null : context.context();
        String target = out == null ? LocalFiles.STANDARD_STREAM : out;
        MessageInfo info = Envelopes.decrypting(server()).decrypt(message, target, expected, run().invocation().stdout());
        if (!LocalFiles.isStandardStream(target)) {
            if (output().isJson()) {
                output().json(Json.createObjectBuilder().add("keyId", info.keyId())
                        .add("encryptionContext", info.context().toJson()).build());
            } else {
                output().note("decrypted " + input.file + " into " + target + " (key " + info.keyId()
                        + (info.context().isEmpty() ? "" : ", context " + info.context()) + ")");
            }
        }
        return ExitCode.OK;
    }

    private InputStream open(String file) {
        try {
            return LocalFiles.isStandardStream(file) ? run().invocation().stdin() : Files.newInputStream(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Reads up to head.length bytes and rewinds, so that the stream still starts at the beginning. */
    private static int readHead(BufferedInputStream in, byte[] head) {
        try {
            in.mark(head.length);
            int length = in.readNBytes(head, 0, head.length);
            in.reset();
            return length;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
