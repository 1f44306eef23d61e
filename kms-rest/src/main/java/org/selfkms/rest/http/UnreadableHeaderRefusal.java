package org.selfkms.rest.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** Refuses what {@link UnreadableHeaderFilter} found, before RESTEasy matches a resource (and reads Accept). */
@Provider
@PreMatching
public class UnreadableHeaderRefusal implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(UnreadableHeaderFilter.REASON) instanceof String reason) {
            throw new UnreadableHeader(reason);
        }
    }

    /** A 400 whose message is safe to show the client: it names the header, never echoes its value. */
    public static final class UnreadableHeader extends BadRequestException {

        private static final long serialVersionUID = 1L;

        UnreadableHeader(String reason) {
            super(reason);
        }
    }
}
