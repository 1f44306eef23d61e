package org.selfkms.cli.crypto;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.cli.ExitCode;
import org.selfkms.cli.KmsctlCommand;
import org.selfkms.cli.UsageException;
import org.selfkms.cli.keys.KeyPaths;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Small data through the server (POST /keys/{keyRef}/encrypt: a Base64 blob, at most 4096 bytes of plaintext), files
 * of any size through the envelope-encryption library.
 */
@Command(name = "encrypt", description = {
        "Encrypt --data TEXT on the server (at most 4096 bytes): prints the ciphertext blob in Base64.",
        "Encrypt --in FILE (- for stdin) into --out FILE (- for stdout) with envelope encryption: one data key from "
                + "the server, the file encrypted here; any size."})
public final class EncryptCommand extends KmsctlCommand {

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Key id or alias")
    String key;

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--data", required = true, paramLabel = "TEXT", description = "Text to encrypt on the server")
        String data;

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "File to encrypt locally (- for stdin)")
        String file;
    }

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where the result goes: required with --in (- for stdout); with --data the blob's text, instead of stdout")
    String out;

    @Mixin
    ContextOption context;

    @Override
    public Integer call() {
        if (input.file != null) {
            return encryptFile();
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("plaintext", Base64.getEncoder().encodeToString(input.data.getBytes(StandardCharsets.UTF_8)));
        if (!context.context().isEmpty()) {
            body.add("encryptionContext", context.context().toJson());
        }
        JsonObject answer = server().post(KeyPaths.of(key) + "/encrypt", body.build());
        if (out != null && !LocalFiles.isStandardStream(out)) {
            LocalFiles.write(out, (answer.getString("ciphertextBlob") + "\n").getBytes(StandardCharsets.US_ASCII), null);
            output().note("encrypted under " + answer.getString("keyId") + " into " + out);
        } else {
            output().value(answer, "ciphertextBlob");
        }
        return ExitCode.OK;
    }

    private Integer encryptFile() {
        if (out == null) {
            throw new UsageException("encrypt --in needs --out FILE (or --out - for standard output)");
        }
        Envelopes.encryptingUnder(server(), key).encrypt(input.file, out, context.context(),
                run().invocation().stdin(), run().invocation().stdout());
        if (!LocalFiles.isStandardStream(out)) {
            output().note("encrypted " + input.file + " into " + out + " under " + key);
        }
        return ExitCode.OK;
    }
}
