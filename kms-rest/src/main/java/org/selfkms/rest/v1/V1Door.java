package org.selfkms.rest.v1;

import java.time.Instant;
import java.util.function.BiConsumer;
import org.selfkms.api.gate.Services;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.json.Jsons;

import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Credentials;
import org.selfkms.api.gate.Door;
import org.selfkms.api.gate.Operation;
import org.selfkms.api.gate.Request;
import org.selfkms.api.gate.RequestGate;
import org.selfkms.api.gate.Served;

import java.io.IOException;
import java.io.InputStream;

/**
 * What every resource of the REST door does around its request: read the credentials, hand the request to the
 * {@link RequestGate} once - which authenticates it, runs the operation, audits it and answers - and render that
 * answer as JSON or as problem details. The resources only parse and render.
 *
 * <p>The resources are application-scoped: they keep nothing per request, and their {@code @Context} fields are
 * proxies to the current request's objects.
 */
abstract class V1Door {

    @EJB
    RequestGate gate;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest http;

    /** The outcome of a served request: status, body (null for none) and the Location of what it created. */
    record Answer(int status, JsonObject body, String location) {

        static Answer ok(JsonObject body) {
            return new Answer(200, body, null);
        }

        static Answer noContent() {
            return new Answer(204, null, null);
        }
    }

    /** A request authenticated with a bearer token ({@code Authorization: Bearer <token>}). */
    Response serve(String action, String keyRef, Operation<Answer> operation) {
        String token = bearerToken();
        if (token == null) {
            return refuse(action, keyRef, new KmsException(KmsErrorCode.AUTH_MALFORMED,
                    "Send 'Authorization: Bearer <token>'; get a token with POST /api/v1/tokens"));
        }
        return serve(action, keyRef, new Credentials.BearerToken(token), operation);
    }

    Response serve(String action, String keyRef, Credentials credentials, Operation<Answer> operation) {
        return answer(gate.serve(request(action, keyRef, credentials), operation));
    }

    /** A change that takes no body and answers 204 (enable, disable, cancel a deletion ...): one service call. */
    Response bodilessChange(String action, String ref, InputStream in, BiConsumer<Services, Caller> call) {
        return serve(action, ref, (kms, caller) -> {
            body(in);
            call.accept(kms, caller);
            return Answer.noContent();
        });
    }

    /** Schedules a deletion (of a key, of a data key): one service call. @return its deletion date, Unix seconds */
    @FunctionalInterface
    interface Scheduling {
        long schedule(Services kms, Caller caller, int pendingWindowInDays);
    }

    /** {@code {"pendingWindowInDays"}} in, {@code {"deletionDate"}} out, as RFC 3339. */
    Response scheduleDeletion(String action, String ref, InputStream in, Scheduling scheduling) {
        return serve(action, ref, (kms, caller) -> {
            JsonInput body = body(in, "pendingWindowInDays");
            // the window's range (7-30) is kms-ejb's rule and its PENDING_WINDOW_INVALID; here only the JSON type
            int days = body.requiredInteger("pendingWindowInDays", Integer.MIN_VALUE, Integer.MAX_VALUE);
            long deletionDate = scheduling.schedule(kms, caller, days);
            return Answer.ok(Jsons.object().add("deletionDate", Instant.ofEpochSecond(deletionDate).toString()).build());
        });
    }

    /** A request refused before anything could be served: recorded, and answered as problem details. */
    Response refuse(String action, String keyRef, KmsException reason) {
        Served<Void> refused = gate.refuse(request(action, keyRef, new Credentials.None()), reason);
        return Problems.of(refused.refusal(), refused.requestId());
    }

    private Request request(String action, String keyRef, Credentials credentials) {
        return new Request(Door.REST, action, keyRef, http == null ? null : http.getRemoteAddr(), credentials);
    }

    static Response answer(Served<Answer> served) {
        if (!served.isServed()) {
            return Problems.of(served.refusal(), served.requestId());
        }
        Answer answer = served.value();
        Response.ResponseBuilder response = Response.status(answer.status()).header("X-Request-Id", served.requestId())
                .header("Cache-Control", "no-store");
        if (answer.location() != null) {
            response.header("Location", answer.location());
        }
        if (answer.body() != null) {
            response.type(MediaType.APPLICATION_JSON_TYPE).entity(answer.body().toString());
        }
        return response.build();
    }

    /** The token of {@code Authorization: Bearer <token>}; null when the header is missing or not of that form. */
    String bearerToken() {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            return null;
        }
        return authorization.substring(7).trim();
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
