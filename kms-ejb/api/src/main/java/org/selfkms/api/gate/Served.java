package org.selfkms.api.gate;

import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;

/**
 * The outcome of one request, given only after its audit record was written: either the operation's value or the
 * refusal to answer with. A refusal's message is safe to show the client (an unexpected failure is an
 * {@code INTERNAL} refusal naming the request id only).
 *
 * @param requestId the request's id, as recorded in the audit trail; the door shows it to the client
 * @param caller    the authenticated caller; null when authentication failed or the request was anonymous
 * @param value     what the operation returned; null when refused
 * @param refusal   why the request was refused or failed; null when served
 */
public record Served<R>(String requestId, Caller caller, R value, KmsException refusal) {

    public boolean isServed() {
        return refusal == null;
    }

    /** The value, or the refusal thrown (for callers that handle refusals as exceptions). */
    public R valueOrThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return value;
    }
}
