package org.selfkms.rest.v1;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditLog;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.AuthenticationFailedException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.SecretKeyAuthenticator;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every resource of the REST door does around its one service call: give the request an id, establish the
 * caller from its bearer token (re-checking the credential in kms-ejb), run the call, write exactly one audit
 * record - allowed or refused - and only then answer, in JSON or as problem details.
 */
abstract class V1Door {

    static final String DOOR = "rest";
    private static final Logger LOG = Logger.getLogger(V1Door.class.getName());

    @EJB
    AuditLog audit;

    @EJB
    SecretKeyAuthenticator credentials;

    @Inject
    BearerTokens tokens;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest http;

    /** The outcome of a served request: status, body (null for none) and the key it concerned, for the audit. */
    record Answer(int status, JsonObject body, String keyId, String location) {
        Answer(int status, JsonObject body, String keyId) {
            this(status, body, keyId, null);
        }

        static Answer ok(JsonObject body, String keyId) {
            return new Answer(200, body, keyId);
        }
    }

    @FunctionalInterface
    interface Call {
        Answer serve(Caller caller);
    }

    @FunctionalInterface
    interface CallerSource {
        Caller establish();
    }

    /** A request authenticated with a bearer token. */
    Response serve(String action, String keyRef, Call call) {
        return serve(action, keyRef, this::bearerCaller, call);
    }

    Response serve(String action, String keyRef, CallerSource callerSource, Call call) {
        String requestId = UUID.randomUUID().toString();
        Caller caller = null;
        try {
            caller = callerSource.establish();
            Answer answer = call.serve(caller);
            // audited before the answer leaves: if the record cannot be written, the result is withheld
            audit.record(AuditEvent.allowed(DOOR, caller, action, answer.keyId() != null ? answer.keyId() : keyRef,
                    requestId, sourceAddress()));
            Response.ResponseBuilder response = Response.status(answer.status()).header("X-Request-Id", requestId)
                    .header("Cache-Control", "no-store");
            if (answer.location() != null) {
                response.header("Location", answer.location());
            }
            if (answer.body() != null) {
                response.type(MediaType.APPLICATION_JSON_TYPE).entity(answer.body().toString());
            }
            return response.build();
        } catch (RuntimeException e) {
            return refused(audit, action, caller, keyRef, requestId, sourceAddress(), e);
        }
    }

    /** The problem answer to a refused or failed request, after its audit record is written. */
    static Response refused(AuditLog audit, String action, Caller caller, String keyRef, String requestId,
                            String sourceAddress, Throwable failure) {
        KmsException domain = KmsException.findIn(failure);
        if (domain == null) {
            LOG.log(Level.SEVERE, "Request " + requestId + " (" + action + ") failed", failure);
        }
        try {
            audit.record(AuditEvent.refused(DOOR, caller, action, keyRef, requestId, sourceAddress, failure));
        } catch (RuntimeException auditFailed) {
            LOG.log(Level.SEVERE, "Request " + requestId + ": the audit record could not be written", auditFailed);
            return Problems.internal(requestId);
        }
        return domain == null ? Problems.internal(requestId) : Problems.of(domain, requestId);
    }

    /** {@code Authorization: Bearer <token>}: the credential's current caller, or a refusal. */
    Caller bearerCaller() {
        BearerTokens.Session session = tokens.session(bearerToken());
        try {
            return credentials.current(session.issuedTo().principal());
        } catch (RuntimeException refused) {
            KmsException domain = KmsException.findIn(refused);
            if (domain != null && domain.code() == KmsErrorCode.AUTH_UNKNOWN_SECRET_ID) {
                // the credential was disabled or deleted (or its user removed): its tokens die with it
                tokens.revoke(bearerToken());
                throw new AuthenticationFailedException(KmsErrorCode.AUTH_UNKNOWN_SECRET_ID,
                        "The credential of this token is disabled or deleted", session.issuedTo());
            }
            throw refused;
        }
    }

    String bearerToken() {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw new KmsException(KmsErrorCode.AUTH_MALFORMED,
                    "Send 'Authorization: Bearer <token>'; get a token with POST /api/v1/tokens");
        }
        return authorization.substring(7).trim();
    }

    String sourceAddress() {
        return http == null ? null : http.getRemoteAddr();
    }

    /**
     * The body, at most {@link JsonInput#MAX_BODY_BYTES}, read only when it is declared as JSON (or empty), and
     * parsed with only {@code fields} allowed.
     */
    JsonInput body(InputStream in, String... fields) {
        byte[] bytes;
        try {
            bytes = in == null ? new byte[0] : in.readNBytes(JsonInput.MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new KmsException(KmsErrorCode.MALFORMED_REQUEST, "The request body could not be read");
        }
        if (bytes.length > JsonInput.MAX_BODY_BYTES) {
            throw new HttpRefusal(413, KmsErrorCode.MALFORMED_REQUEST,
                    "The request body is larger than " + JsonInput.MAX_BODY_BYTES + " bytes");
        }
        MediaType type = headers.getMediaType();
        if (bytes.length > 0 && (type == null || !("application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))))) {
            throw new HttpRefusal(415, KmsErrorCode.MALFORMED_REQUEST, "Send the request body as application/json");
        }
        return JsonInput.parse(bytes, fields);
    }
}
