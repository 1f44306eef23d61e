package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.crypto.AsymmetricCrypto;
import org.selfkms.api.crypto.Ciphertext;
import org.selfkms.api.crypto.MessageType;
import org.selfkms.api.crypto.PublicKeyInfo;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;

import static org.selfkms.rest.v1.KeyResource.checked;
import org.selfkms.api.json.Jsons;

/**
 * Key pairs: the public key, signatures (including ML-DSA with algorithm {@code Dilithium}), decryption of data
 * encrypted to the public key, and the post-quantum (ML-KEM) encryption - its decryption needs no key in the path
 * and is in {@link DataResource}. One {@link AsymmetricCrypto} call each;
 * algorithm names and their rules are the service's, as for the Tencent door.
 */
@Path("/keys")
@ApplicationScoped
public class KeyPairResource extends V1Door {

    /** RSA-3072 and ML-DSA-65 signatures, and RSA/SM2 ciphertexts, are far below what the service allows (8 KiB). */
    static final int MAX_SIGNATURE_BYTES = 8192;
    static final int MAX_CIPHERTEXT_BYTES = 8192;
    private static final int MAX_ALGORITHM_CHARS = 32;


    @GET
    @Path("/{keyRef}/public-key")
    @Produces(MediaType.APPLICATION_JSON)
    public Response publicKey(@PathParam("keyRef") String keyRef) {
        return serve("GetPublicKey", keyRef, (kms, caller) -> {
            PublicKeyInfo key = kms.keyPairs().getPublicKey(caller, checked(keyRef));
            return Answer.ok(Jsons.object().add("keyId", key.keyId())
                    .add("publicKey", Base64.getEncoder().encodeToString(key.der()))
                    .add("publicKeyPem", key.pem()).build());
        });
    }

    @POST
    @Path("/{keyRef}/sign")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response sign(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("SignByAsymmetricKey", keyRef, (kms, caller) -> {
            JsonInput body = body(in, "algorithm", "messageType", "message");
            byte[] signature = kms.keyPairs().sign(caller, checked(keyRef), body.requiredString("algorithm", MAX_ALGORITHM_CHARS),
                    messageType(body), body.requiredBase64("message", AsymmetricCrypto.MAX_MESSAGE_BYTES));
            return Answer.ok(Jsons.object().add("signature", Base64.getEncoder().encodeToString(signature)).build());
        });
    }

    @POST
    @Path("/{keyRef}/verify")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("VerifyByAsymmetricKey", keyRef, (kms, caller) -> {
            JsonInput body = body(in, "algorithm", "messageType", "message", "signature");
            boolean valid = kms.keyPairs().verify(caller, checked(keyRef), body.requiredString("algorithm", MAX_ALGORITHM_CHARS),
                    messageType(body), body.requiredBase64("message", AsymmetricCrypto.MAX_MESSAGE_BYTES),
                    body.requiredBase64("signature", MAX_SIGNATURE_BYTES));
            return Answer.ok(Jsons.object().add("signatureValid", valid).build());
        });
    }

    /** RSA ({@code RSAES_*}) or SM2 ({@code SM2}): Tencent's AsymmetricRsaDecrypt and AsymmetricSm2Decrypt in one. */
    @POST
    @Path("/{keyRef}/asymmetric-decrypt")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response decrypt(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("AsymmetricDecrypt", keyRef, (kms, caller) -> {
            JsonInput body = body(in, "algorithm", "ciphertext");
            return DataResource.plaintextAnswer(kms.keyPairs().decrypt(caller, checked(keyRef), body.requiredString("algorithm", MAX_ALGORITHM_CHARS),
                    body.requiredBase64("ciphertext", MAX_CIPHERTEXT_BYTES)));
        });
    }

    @POST
    @Path("/{keyRef}/post-quantum-encrypt")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response encryptPostQuantum(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("PostQuantumCryptoEncrypt", keyRef, (kms, caller) -> {
            byte[] plaintext = body(in, "plaintext").requiredBase64("plaintext", AsymmetricCrypto.MAX_MESSAGE_BYTES);
            try {
                Ciphertext ciphertext = kms.keyPairs().encryptPostQuantum(caller, checked(keyRef), plaintext);
                return Answer.ok(Jsons.object().add("keyId", ciphertext.keyId())
                        .add("ciphertextBlob", ciphertext.blob()).build());
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        });
    }

    private static MessageType messageType(JsonInput body) {
        return switch (body.string("messageType", 16).orElse("RAW")) {
            case "RAW" -> MessageType.RAW;
            case "DIGEST" -> MessageType.DIGEST;
            default -> throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "messageType must be RAW or DIGEST");
        };
    }
}
