package org.selfkms.cli.crypto;

import jakarta.json.JsonObject;
import org.selfkms.cli.ExitCode;
import org.selfkms.cli.keys.KeyPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** POST /keys/{keyRef}/verify: exit code 0 for a valid signature, 1 for one that is not. */
@Command(name = "verify", description = {"Verify a signature; exit code 0 when it is valid, 1 when it is not"})
public final class VerifyCommand extends SignatureRequest {

    @Option(names = "--signature", required = true, paramLabel = "BASE64", description = "The signature, in Base64")
    String signature;

    @Override
    public Integer call() {
        JsonObject answer = server().post(KeyPaths.of(key) + "/verify", body().add("signature", signature).build());
        boolean valid = answer.getBoolean("signatureValid");
        if (output().isJson()) {
            output().json(answer);
        } else {
            output().note(valid ? "signature valid" : "signature NOT valid");
        }
        return valid ? ExitCode.OK : ExitCode.NEGATIVE;
    }
}
