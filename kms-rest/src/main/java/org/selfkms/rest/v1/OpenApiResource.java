package org.selfkms.rest.v1;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * {@code GET /openapi.yaml}: the API description, without authentication. The build copies it from
 * {@code docs/openapi.yaml} into the WAR, so the served and the checked-in documents are the same file.
 */
@Path("/openapi.yaml")
@RequestScoped
public class OpenApiResource extends V1Door {

    static final String RESOURCE = "/org/selfkms/rest/v1/openapi.yaml";

    @GET
    @Produces("application/yaml")
    public Response openApi() {
        String requestId = UUID.randomUUID().toString();
        try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new KmsException(KmsErrorCode.INTERNAL, "The OpenAPI document is missing from the build");
            }
            byte[] document = in.readAllBytes();
            audit.record(new AuditEvent(AuditEvent.PLATFORM_TENANT, DOOR, null, "GetOpenApi", null, requestId, sourceAddress(),
                    org.selfkms.api.audit.AuditOutcome.ALLOWED, null));
            return Response.ok(document, "application/yaml").header("X-Request-Id", requestId).build();
        } catch (IOException | RuntimeException e) {
            return refused(audit, "GetOpenApi", null, null, requestId, sourceAddress(), e);
        }
    }
}
