package org.selfkms.rest.v1;

import jakarta.enterprise.context.RequestScoped;
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
import org.selfkms.api.identity.Caller;

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
@RequestScoped
public class TokenResource extends V1Door {

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream in) {
        return serve("CreateToken", null, this::basicCaller, caller -> {
            body(in);
            String token = tokens.issue(caller);
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
        return serve("RevokeToken", null, caller -> {
            tokens.revoke(bearerToken());
            return new Answer(204, null, null);
        });
    }

    /** {@code Authorization: Basic base64(SecretId:SecretKey)}, checked by kms-ejb. */
    private Caller basicCaller() {
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
        return credentials.authenticate(pair.substring(0, colon), pair.substring(colon + 1));
    }
}
