package org.selfkms.rest.tencent;

import jakarta.ws.rs.core.Response;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditLog;

/**
 * Error answers of the Tencent door, each sent only after its audit record is written. If even that fails,
 * the answer becomes InternalError: the caller learns that something is wrong, the operator finds the
 * RequestId in the log.
 */
final class AuditedError {

    private AuditedError() {
    }

    static Response of(AuditLog audit, AuditEvent event, String code, String message) {
        try {
            audit.record(event);
        } catch (RuntimeException auditFailed) {
            return internal(event.requestId());
        }
        return TencentApiResource.ok(TencentJson.error(event.requestId(), code, message));
    }

    /** An unexpected failure: audited as FAILED, answered as InternalError with the RequestId to quote. */
    static Response internal(AuditLog audit, AuditEvent event) {
        return of(audit, event, "InternalError", internalMessage(event.requestId()));
    }

    private static Response internal(String requestId) {
        return TencentApiResource.ok(TencentJson.error(requestId, "InternalError", internalMessage(requestId)));
    }

    private static String internalMessage(String requestId) {
        return "Internal error; quote RequestId " + requestId + " to the operator";
    }
}
