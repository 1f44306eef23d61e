package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.selfkms.api.identity.CredentialInfo;
import org.selfkms.api.identity.NewCredential;

import java.io.InputStream;
import java.time.Instant;
import org.selfkms.api.json.Jsons;

/**
 * The tenant's API credentials: {@code /credentials} (list; create for a user or for a service principal) and
 * {@code /credentials/{secretId}} (enable, disable, delete). The SecretKey is in the answer that creates it and
 * nowhere else - not in listings, not in the audit trail, not in a log. kms-ejb requires ADMINISTER_TENANT and
 * scopes everything to the caller's tenant.
 */
@Path("/credentials")
@ApplicationScoped
public class CredentialResource extends V1Door {

    static final int MAX_SECRET_ID = 128;
    static final int MAX_SERVICE = 32;


    @Context
    private UriInfo uri;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return serve("ListCredentials", null,
                (kms, caller) -> WholeListing.of(uri, "credentials", () -> kms.identities().credentials(caller), CredentialResource::json));
    }

    /** {@code {"user": name}} acts with that user's role; {@code {"service": name}} is a service principal. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream in) {
        return serve("CreateCredential", null, (kms, caller) -> {
            JsonInput body = body(in, "user", "service");
            String user = body.string("user", UserResource.MAX_USERNAME).orElse(null);
            String service = body.string("service", MAX_SERVICE).orElse(null);
            if ((user == null) == (service == null)) {
                throw new KmsException(user == null ? KmsErrorCode.MISSING_PARAMETER : KmsErrorCode.INVALID_PARAMETER,
                        "Give either 'user' (a credential acting with that user's role) or 'service' (a service principal)");
            }
            NewCredential created = service == null ? kms.identities().createCredential(caller, user)
                    : kms.identities().createServiceCredential(caller, service);
            return new Answer(201, Jsons.object().add("secretId", created.secretId())
                    .add("secretKey", created.secretKey()).add("owner", created.owner())
                    .add("servicePrincipal", service != null).build(), null);
        });
    }

    @POST
    @Path("/{secretId}/enable")
    @Consumes(MediaType.WILDCARD)
    public Response enable(@PathParam("secretId") String secretId, InputStream in) {
        return setEnabled("EnableCredential", secretId, in, true);
    }

    @POST
    @Path("/{secretId}/disable")
    @Consumes(MediaType.WILDCARD)
    public Response disable(@PathParam("secretId") String secretId, InputStream in) {
        return setEnabled("DisableCredential", secretId, in, false);
    }

    @DELETE
    @Path("/{secretId}")
    public Response delete(@PathParam("secretId") String secretId) {
        return serve("DeleteCredential", null, (kms, caller) -> {
            kms.identities().deleteCredential(caller, BoundedText.check(secretId, "secretId", MAX_SECRET_ID));
            return Answer.noContent();
        });
    }

    private Response setEnabled(String action, String secretId, InputStream in, boolean enabled) {
        return bodilessChange(action, null, in, (kms, caller) ->
                kms.identities().setCredentialEnabled(caller, BoundedText.check(secretId, "secretId", MAX_SECRET_ID), enabled));
    }

    /** Never the secret: the listing has none to show. */
    private static JsonObjectBuilder json(CredentialInfo credential) {
        JsonObjectBuilder out = Jsons.object().add("secretId", credential.secretId())
                .add("owner", credential.owner()).add("servicePrincipal", credential.servicePrincipal())
                .add("enabled", credential.enabled()).add("createTime", Instant.ofEpochSecond(credential.createTime()).toString());
        if (credential.lastUsedTime() > 0) {
            out.add("lastUsedTime", Instant.ofEpochSecond(credential.lastUsedTime()).toString());
        }
        return out;
    }
}
