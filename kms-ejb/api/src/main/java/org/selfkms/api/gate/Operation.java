package org.selfkms.api.gate;

import org.selfkms.api.identity.Caller;

/**
 * What a request does once its caller is established: parse what is left of the request, call the services, and
 * return what the door renders. It reaches the services only through {@code kms}, and only inside the gate, so
 * no service call can happen outside a request's audit record.
 *
 * <p>Runs inside a kms-ejb call: keep it to parsing, service calls and building plain values (JSON objects,
 * records); render the answer (HTTP responses, UI components) after the gate has returned.
 */
@FunctionalInterface
public interface Operation<R> {

    /**
     * @param caller the authenticated caller; null only for an anonymous request
     *               ({@link Credentials.None}), whose {@code kms} refuses every service
     * @throws org.selfkms.api.error.KmsException to refuse the request; the gate records and returns it
     */
    R perform(Services kms, Caller caller);
}
