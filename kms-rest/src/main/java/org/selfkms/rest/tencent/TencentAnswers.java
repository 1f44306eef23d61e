package org.selfkms.rest.tencent;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Served;

/**
 * The Tencent door's answers to what the gate returned, always HTTP 200 with Tencent's envelope: the SDK turns
 * any other status into an opaque ServerSideError.
 */
final class TencentAnswers {

    private TencentAnswers() {
    }

    static Response of(Served<JsonObject> served, String action) {
        return served.isServed() ? ok(TencentJson.success(served.requestId(), served.value())) : refused(served, action);
    }

    /** A refusal in Tencent's words: the error code of the domain code, and the service's message. */
    static Response refused(Served<?> served, String action) {
        KmsException refusal = served.refusal();
        return ok(TencentJson.error(served.requestId(), TencentErrorCodes.of(refusal.code(), action), refusal.getMessage()));
    }

    /**
     * A request the door turned away with a code of its own choosing (the method, the path): that code once the
     * refusal is recorded; InternalError if even that failed.
     */
    static Response turnedAway(Served<Void> served, KmsException reason, String code) {
        if (served.refusal() != reason) {
            return refused(served, null);
        }
        return ok(TencentJson.error(served.requestId(), code, reason.getMessage()));
    }

    /** An unexpected failure around the resource: InternalError with the RequestId to quote. */
    static Response internal(String requestId) {
        return ok(TencentJson.error(requestId, "InternalError", "Internal error; quote RequestId " + requestId + " to the operator"));
    }

    static Response ok(String json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
