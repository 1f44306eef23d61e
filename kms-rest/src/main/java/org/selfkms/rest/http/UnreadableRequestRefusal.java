package org.selfkms.rest.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses what {@link UnreadableRequestFilter} found, before RESTEasy matches a resource (and reads Accept); and
 * {@code OPTIONS}, which RESTEasy would otherwise answer itself, outside the gate and its audit record (the doors
 * serve no cross-origin requests, so there is no preflight to answer).
 */
@Provider
@PreMatching
public class UnreadableRequestRefusal implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(UnreadableRequestFilter.REASON) instanceof String reason) {
            throw new UnreadableRequest(reason);
        }
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            // each door's exception mapper answers it in the door's format, through the gate
            throw new NotAllowedException(Response.status(Response.Status.METHOD_NOT_ALLOWED).build());
        }
    }

    /** A 400 whose message is safe to show the client: it names the header or the path, never echoes a value. */
    public static final class UnreadableRequest extends BadRequestException {

        private static final long serialVersionUID = 1L;

        UnreadableRequest(String reason) {
            super(reason);
        }
    }
}
