package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.key.KeyPolicy;

import java.io.InputStream;

import static org.selfkms.rest.v1.KeyResource.checked;

/**
 * A key's policy, in the JSON form {@link KeyPolicy} describes: read it, replace it whole, remove it. Who may read or
 * change it, and what a policy may say, is kms-ejb's.
 */
@Path("/keys")
@ApplicationScoped
public class KeyPolicyResource extends V1Door {

    @GET
    @Path("/{keyRef}/policy")
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(@PathParam("keyRef") String keyRef) {
        return serve("GetKeyPolicy", keyRef, (kms, caller) ->
                Answer.ok(kms.keys().keyPolicy(caller, checked(keyRef)).toJson()));
    }

    @PUT
    @Path("/{keyRef}/policy")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("PutKeyPolicy", keyRef, (kms, caller) -> {
            KeyPolicy policy = body(in, "statements").asKeyPolicy();
            kms.keys().putKeyPolicy(caller, checked(keyRef), policy);
            return Answer.ok(policy.toJson());
        });
    }

    @DELETE
    @Path("/{keyRef}/policy")
    @Consumes(MediaType.WILDCARD)
    public Response remove(@PathParam("keyRef") String keyRef, InputStream in) {
        return bodilessChange("DeleteKeyPolicy", keyRef, in, (kms, caller) -> kms.keys().putKeyPolicy(caller, checked(keyRef), KeyPolicy.NONE));
    }
}
