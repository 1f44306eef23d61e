package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Credentials;
import org.selfkms.api.gate.Door;
import org.selfkms.api.gate.Request;
import org.selfkms.api.gate.Served;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yaml}: the API description, without authentication - an anonymous request, recorded like
 * every other. The build copies it from {@code docs/openapi.yaml} into the WAR, so the served and the checked-in
 * documents are the same file.
 */
@Path("/openapi.yaml")
@ApplicationScoped
public class OpenApiResource extends V1Door {

    static final String RESOURCE = "/org/selfkms/rest/v1/openapi.yaml";

    @GET
    @Produces("application/yaml")
    public Response openApi() {
        Served<byte[]> served = gate.serve(new Request(Door.REST, "GetOpenApi", null, http.getRemoteAddr(),
                new Credentials.None()), (kms, caller) -> document());
        if (!served.isServed()) {
            return Problems.of(served.refusal(), served.requestId());
        }
        return Response.ok(served.value(), "application/yaml").header("X-Request-Id", served.requestId()).build();
    }

    private static byte[] document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new KmsException(KmsErrorCode.INTERNAL, "The OpenAPI document is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
