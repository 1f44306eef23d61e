package org.selfkms.api.gate;

import jakarta.ejb.Local;
import org.selfkms.api.error.KmsException;

/**
 * The one way into the KMS for every door: a door makes exactly one call per request, and the gate authenticates
 * it, runs it, writes its one audit record and only then answers. A door cannot serve a request without its record,
 * nor forget one: it has no other way to reach the services.
 */
@Local
public interface RequestGate {

    /**
     * Mints the request id, authenticates the credentials, runs the operation with the services and the caller,
     * records the outcome and returns it. Never throws for a refusal or a failure: the answer says what happened.
     * If the audit record cannot be written the answer is an {@code INTERNAL} refusal and the operation's value is
     * withheld.
     */
    <R> Served<R> serve(Request request, Operation<R> operation);

    /**
     * A request the door turns away before anything can be served (an unknown path, an unreadable body, a method
     * the door does not take): mints its id and writes its refused record. Its principal is anonymous unless the
     * credentials name a caller without being checked (a console session); nothing is authenticated.
     *
     * @return a refusal that is {@code reason} itself once recorded, or an {@code INTERNAL} one if the record
     *         could not be written
     */
    Served<Void> refuse(Request request, KmsException reason);
}
