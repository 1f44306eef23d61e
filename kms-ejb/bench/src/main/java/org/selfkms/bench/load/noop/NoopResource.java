package org.selfkms.bench.load.noop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A POST that reads its body like the Tencent door does ({@code byte[]}) and answers a small JSON object: the
 * least a JAX-RS endpoint of this server can cost. Application-scoped like the door's resource, so that no request
 * pays for creating the resource.
 */
@Path("/")
@ApplicationScoped
public class NoopResource {

    private static final String ANSWER = "{\"Response\":{\"RequestId\":\"00000000-0000-0000-0000-000000000000\"}}";

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(byte[] body) {
        return Response.ok(ANSWER, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
