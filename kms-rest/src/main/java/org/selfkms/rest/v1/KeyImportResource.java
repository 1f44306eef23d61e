package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.ImportParameters;
import org.selfkms.api.key.KeyImport;
import org.selfkms.api.key.KeyMetadata;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import static org.selfkms.rest.v1.KeyResource.checked;
import org.selfkms.api.json.Jsons;

/**
 * Bring your own key for keys created with {@code "origin":"EXTERNAL"}: import parameters (a wrapping public key
 * and a single-use import token), the wrapped material, and its deletion. One {@link KeyImport} call each.
 */
@Path("/keys")
@ApplicationScoped
public class KeyImportResource extends V1Door {

    /** Import tokens are 43 characters today; the bound leaves room without letting a body grow unchecked. */
    static final int MAX_IMPORT_TOKEN_CHARS = 256;
    /** RSA-2048 wraps into 256 bytes. */
    static final int MAX_WRAPPED_MATERIAL_BYTES = 1024;


    @POST
    @Path("/{keyRef}/import-parameters")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response parameters(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("GetParametersForImport", keyRef, (kms, caller) -> {
            JsonInput body = body(in, "wrappingAlgorithm", "wrappingKeySpec");
            ImportParameters parameters = kms.imports().getParametersForImport(caller, checked(keyRef),
                    body.requiredString("wrappingAlgorithm", 32), body.string("wrappingKeySpec", 32).orElse("RSA_2048"));
            return Answer.ok(Jsons.object().add("keyId", parameters.keyId())
                    .add("importToken", parameters.importToken())
                    .add("publicKey", Base64.getEncoder().encodeToString(parameters.publicKey()))
                    .add("parametersValidTo", Instant.ofEpochSecond(parameters.validTo()).toString()).build());
        });
    }

    @PUT
    @Path("/{keyRef}/material")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importMaterial(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("ImportKeyMaterial", keyRef, (kms, caller) -> {
            JsonInput body = body(in, "importToken", "encryptedKeyMaterial", "validTo");
            String importToken = body.requiredString("importToken", MAX_IMPORT_TOKEN_CHARS);
            byte[] wrapped = body.requiredBase64("encryptedKeyMaterial", MAX_WRAPPED_MATERIAL_BYTES);
            long validTo = body.string("validTo", 64).map(KeyImportResource::unixSeconds).orElse(0L);
            KeyMetadata key = kms.imports().importKeyMaterial(caller, checked(keyRef), importToken, wrapped, validTo);
            return Answer.ok(KeyJson.of(key).build());
        });
    }

    @DELETE
    @Path("/{keyRef}/material")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response deleteMaterial(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("DeleteImportedKeyMaterial", keyRef, (kms, caller) -> {
            body(in);
            KeyMetadata key = kms.imports().deleteImportedKeyMaterial(caller, checked(keyRef));
            return Answer.ok(KeyJson.of(key).build());
        });
    }

    /** An RFC 3339 time, as the door shows times; whether it is in range is kms-ejb's rule. */
    static long unixSeconds(String time) {
        try {
            return Instant.parse(time).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                    "The field 'validTo' must be an RFC 3339 time in UTC, such as 2030-01-01T00:00:00Z");
        }
    }
}
