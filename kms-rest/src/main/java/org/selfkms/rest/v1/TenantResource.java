package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.tenant.TenantInfo;

import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import org.selfkms.api.json.Jsons;

/**
 * Tenants, for the platform operator only (kms-ejb requires OPERATE_PLATFORM): {@code /tenants} (list, create
 * with its first administrator) and {@code /tenants/{tenantId}/suspend}, {@code .../resume}.
 */
@Path("/tenants")
@ApplicationScoped
public class TenantResource extends V1Door {

    static final int MAX_NAME = 128;


    @Context
    private UriInfo uri;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return serve("ListTenants", null,
                (kms, caller) -> WholeListing.of(uri, "tenants", () -> kms.tenants().tenants(caller), TenantResource::json));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream in) {
        return serve("CreateTenant", null, (kms, caller) -> {
            JsonInput body = body(in, "name", "adminUsername", "adminPassword");
            String name = body.requiredString("name", MAX_NAME);
            String admin = body.requiredString("adminUsername", UserResource.MAX_USERNAME);
            char[] password = body.requiredString("adminPassword", UserResource.MAX_PASSWORD).toCharArray();
            try {
                return new Answer(201, json(kms.tenants().createTenant(caller, name, admin, password)).build(), null);
            } finally {
                Arrays.fill(password, '\0');
            }
        });
    }

    @POST
    @Path("/{tenantId}/suspend")
    @Consumes(MediaType.WILDCARD)
    public Response suspend(@PathParam("tenantId") String tenantId, InputStream in) {
        return setSuspended("SuspendTenant", tenantId, in, true);
    }

    @POST
    @Path("/{tenantId}/resume")
    @Consumes(MediaType.WILDCARD)
    public Response resume(@PathParam("tenantId") String tenantId, InputStream in) {
        return setSuspended("ResumeTenant", tenantId, in, false);
    }

    private Response setSuspended(String action, String tenantId, InputStream in, boolean suspended) {
        return bodilessChange(action, null, in, (kms, caller) -> kms.tenants().setSuspended(caller, id(tenantId), suspended));
    }

    private static JsonObjectBuilder json(TenantInfo tenant) {
        return Jsons.object().add("tenantId", tenant.tenantId()).add("accountUin", tenant.accountUin())
                .add("name", tenant.name()).add("suspended", tenant.suspended())
                .add("createTime", Instant.ofEpochSecond(tenant.createTime()).toString());
    }

    private static long id(String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,17}")) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "A tenant id is a positive integer (the tenantId of GET /tenants)");
        }
        return Long.parseLong(value);
    }
}
