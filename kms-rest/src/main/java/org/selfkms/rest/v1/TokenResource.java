package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Credentials;
import org.selfkms.api.identity.BearerTokens;

import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.selfkms.api.json.Jsons;

/**
 * {@code POST /tokens} exchanges the API credential (HTTP Basic, SecretId:SecretKey) for a bearer token;
 * {@code DELETE /tokens/current} revokes the token it is called with.
 */
@Path("/tokens")
@ApplicationScoped
public class TokenResource extends V1Door {

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream in) {
        Credentials.SecretKeyPair pair;
        try {
            pair = basicCredentials();
        } catch (KmsException unreadable) {
            return refuse("CreateToken", null, unreadable);
        }
        return serve("CreateToken", null, pair, (kms, caller) -> {
            body(in);
            String token = kms.bearerTokens().issue(caller);
            return new Answer(201, Jsons.object()
                    .add("token", token)
                    .add("tokenType", "Bearer")
                    .add("expiresIn", BearerTokens.LIFETIME_SECONDS)
                    .add("secretId", caller.principal())
                    .add("role", caller.role().name())
                    .build(), null);
        });
    }

    @DELETE
    @Path("/current")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke() {
        String token = bearerToken();
        return serve("RevokeToken", null, (kms, caller) -> {
            kms.bearerTokens().revoke(caller, token);
            return Answer.noContent();
        });
    }

    /** {@code Authorization: Basic base64(SecretId:SecretKey)}, to be checked by the gate. */
    private Credentials.SecretKeyPair basicCredentials() {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new KmsException(KmsErrorCode.AUTH_LOGIN_FAILED, "Send the API credentials with HTTP Basic");
        }
        String pair;
        try {
            byte[] decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
            pair = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(decoded)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new KmsException(KmsErrorCode.AUTH_LOGIN_FAILED, "The Basic credentials are not Base64 of UTF-8");
        }
        int colon = pair.indexOf(':');
        if (colon < 1 || colon > 128 || pair.length() - colon - 1 > 256) {
            throw new KmsException(KmsErrorCode.AUTH_LOGIN_FAILED, "The Basic credentials are not SecretId:SecretKey");
        }
        return new Credentials.SecretKeyPair(pair.substring(0, colon), pair.substring(colon + 1));
    }
}
