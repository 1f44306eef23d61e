package org.selfkms.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Base64;

/** {@link Kms} over the REST API v1 (docs/rest-api.md, "Data"). */
public final class RestV1Kms implements Kms {

    private final RestV1Session session;

    public RestV1Kms(RestV1Session session) {
        this.session = session;
    }

    @Override
    public DataKey generateDataKey(String keyRef, int numberOfBytes, EncryptionContext context) {
        JsonObject answer = session.post("/keys/" + RestV1Session.segment(keyRef) + "/data-keys",
                withContext(Json.createObjectBuilder().add("numberOfBytes", numberOfBytes), context));
        return new DataKey(answer.getString("keyId"), decode(answer.getString("plaintext")),
                decode(answer.getString("ciphertextBlob")));
    }

    @Override
    public Ciphertext encrypt(String keyRef, byte[] plaintext, EncryptionContext context) {
        JsonObject answer = session.post("/keys/" + RestV1Session.segment(keyRef) + "/encrypt",
                withContext(Json.createObjectBuilder().add("plaintext", Base64.getEncoder().encodeToString(plaintext)), context));
        return new Ciphertext(answer.getString("keyId"), decode(answer.getString("ciphertextBlob")));
    }

    @Override
    public Plaintext decrypt(byte[] ciphertextBlob, EncryptionContext context) {
        JsonObject answer = session.post("/decrypt", withContext(Json.createObjectBuilder()
                .add("ciphertextBlob", Base64.getEncoder().encodeToString(ciphertextBlob)), context));
        return new Plaintext(answer.getString("keyId"), decode(answer.getString("plaintext")));
    }

    private static JsonObject withContext(JsonObjectBuilder body, EncryptionContext context) {
        if (!context.isEmpty()) {
            body.add("encryptionContext", context.toJson());
        }
        return body.build();
    }

    /** The REST door answers blobs in Base64 (the server's own blobs are Base64 text of binary). */
    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
