package org.selfkms.cli.crypto;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.cli.KmsctlCommand;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.util.Base64;

/** What sign and verify both send (docs/rest-api.md, "Key pairs"): key, algorithm, message and its type. */
abstract class SignatureRequest extends KmsctlCommand {

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Key id or alias of the key pair")
    String key;

    @Option(names = "--algorithm", required = true, paramLabel = "ALG",
            description = "ECC_P256_R1, ECDSA384_SHA384, RSA_PSS_SHA_256, RSA_PKCS1_SHA_256, SM2DSA, Dilithium")
    String algorithm;

    @ArgGroup(multiplicity = "1")
    MessageInput message;

    @Option(names = "--digest", description = "The message is the digest already computed (messageType DIGEST)")
    boolean digest;

    JsonObjectBuilder body() {
        return Json.createObjectBuilder()
                .add("algorithm", algorithm)
                .add("message", Base64.getEncoder().encodeToString(message.bytes(run().invocation().stdin())))
                .add("messageType", digest ? "DIGEST" : "RAW");
    }
}
