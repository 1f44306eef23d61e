package org.selfkms.cli.crypto;

import org.selfkms.cli.ExitCode;
import org.selfkms.cli.keys.KeyPaths;
import picocli.CommandLine.Command;

/** POST /keys/{keyRef}/sign: prints the signature in Base64. */
@Command(name = "sign", description = "Sign a message (at most 4096 bytes) with a key pair; prints the signature in Base64")
public final class SignCommand extends SignatureRequest {

    @Override
    public Integer call() {
        output().value(server().post(KeyPaths.of(key) + "/sign", body().build()), "signature");
        return ExitCode.OK;
    }
}
