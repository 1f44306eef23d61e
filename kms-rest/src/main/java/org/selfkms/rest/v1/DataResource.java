package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.crypto.EnvelopeCrypto;
import org.selfkms.api.crypto.Plaintext;
import org.selfkms.api.crypto.ReEncrypted;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import org.selfkms.api.json.Jsons;

/** Operations whose key is named by the ciphertext (decrypt, re-encrypt, post-quantum decrypt) or that need none (random). */
@Path("/")
@ApplicationScoped
public class DataResource extends V1Door {

    /** Base64 of the largest blob (4 KiB plaintext plus header and tag) fits well below this. */
    static final int MAX_BLOB_CHARS = 16 * 1024;

    /** Post-quantum blobs: a 4 KiB plaintext plus the ML-KEM-768 encapsulation and header, in Base64. */
    static final int MAX_POST_QUANTUM_BLOB_CHARS = 16 * 1024;



    @POST
    @Path("decrypt")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response decrypt(InputStream in) {
        return serve("Decrypt", null, (kms, caller) -> {
            JsonInput body = body(in, "ciphertextBlob", "encryptionContext");
            return plaintextAnswer(kms.envelopes().decrypt(caller, body.requiredString("ciphertextBlob", MAX_BLOB_CHARS),
                    body.encryptionContext("encryptionContext").orElse(null)));
        });
    }

    /** Like {@code POST /decrypt}, for blobs of {@code POST /keys/{keyRef}/post-quantum-encrypt}. */
    @POST
    @Path("post-quantum-decrypt")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response decryptPostQuantum(InputStream in) {
        return serve("PostQuantumCryptoDecrypt", null, (kms, caller) -> plaintextAnswer(kms.keyPairs().decryptPostQuantum(caller,
                body(in, "ciphertextBlob").requiredString("ciphertextBlob", MAX_POST_QUANTUM_BLOB_CHARS))));
    }

    /** {@code {"keyId","plaintext"}}; the plaintext is zeroed once rendered. */
    static Answer plaintextAnswer(Plaintext plaintext) {
        try {
            return Answer.ok(Jsons.object().add("keyId", plaintext.keyId())
                    .add("plaintext", Base64.getEncoder().encodeToString(plaintext.bytes())).build());
        } finally {
            Arrays.fill(plaintext.bytes(), (byte) 0);
        }
    }

    @POST
    @Path("re-encrypt")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reEncrypt(InputStream in) {
        return serve("ReEncrypt", null, (kms, caller) -> {
            JsonInput body = body(in, "ciphertextBlob", "sourceEncryptionContext", "destinationKeyRef", "destinationEncryptionContext");
            ReEncrypted result = kms.envelopes().reEncrypt(caller, body.requiredString("ciphertextBlob", MAX_BLOB_CHARS),
                    body.encryptionContext("sourceEncryptionContext").orElse(null),
                    body.string("destinationKeyRef", 128).orElse(null),
                    body.encryptionContext("destinationEncryptionContext").orElse(null));
            return Answer.ok(Jsons.object().add("keyId", result.keyId()).add("sourceKeyId", result.sourceKeyId())
                    .add("ciphertextBlob", result.blob()).add("reEncrypted", result.reEncrypted()).build());
        });
    }

    @POST
    @Path("random")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response random(InputStream in) {
        return serve("GenerateRandom", null, (kms, caller) -> {
            JsonInput body = body(in, "numberOfBytes");
            byte[] random = kms.envelopes().generateRandom(caller, body.integer("numberOfBytes", 1, EnvelopeCrypto.MAX_DATA_KEY_BYTES).orElse(32));
            try {
                return Answer.ok(Jsons.object().add("random", Base64.getEncoder().encodeToString(random)).build());
            } finally {
                Arrays.fill(random, (byte) 0);
            }
        });
    }
}
