package org.selfkms.rest.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** Refuses what {@link UnreadableRequestFilter} found, before RESTEasy matches a resource (and reads Accept). */
@Provider
@PreMatching
public class UnreadableRequestRefusal implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(UnreadableRequestFilter.REASON) instanceof String reason) {
            throw new UnreadableRequest(reason);
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
