package org.selfkms.cli.keys;

import jakarta.json.JsonObject;
import org.selfkms.cli.ExitCode;
import picocli.CommandLine.Command;

/** GET /keys/{keyRef}/public-key: the PEM, which openssl and every library read. */
@Command(name = "public-key", description = "The public key of a key pair, as PEM")
final class KeyPublicKeyCommand extends KeyCommand {


    @Override
    public Integer call() {
        JsonObject answer = server().get(keyPath("/public-key"));
        if (output().isJson()) {
            output().json(answer);
        } else {
            output().note(answer.getString("publicKeyPem").strip());
        }
        return ExitCode.OK;
    }
}
