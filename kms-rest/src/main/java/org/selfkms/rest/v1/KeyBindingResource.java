package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.json.Jsons;
import org.selfkms.api.key.CloudResourceBinding;
import org.selfkms.api.key.CloudResourceBindings;

import java.io.InputStream;

import static org.selfkms.rest.v1.KeyResource.checked;

/**
 * Which products' resources use a key (Tencent's BindCloudResource): read them, bind one, unbind one. While a key
 * is bound it cannot be disabled, archived, scheduled for deletion or lose its imported material; that rule, and
 * the product and resource names' rules, are kms-ejb's.
 */
@Path("/keys")
@ApplicationScoped
public class KeyBindingResource extends V1Door {

    @GET
    @Path("/{keyRef}/bindings")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("keyRef") String keyRef) {
        return serve("ListCloudResourceBindings", keyRef, (kms, caller) -> {
            JsonArrayBuilder bindings = Jsons.array();
            kms.bindings().bindings(caller, checked(keyRef)).forEach(binding -> bindings.add(json(binding)));
            return Answer.ok(Jsons.object().add("bindings", bindings).build());
        });
    }

    /** Binding a pair the key already has changes nothing and answers that binding. */
    @POST
    @Path("/{keyRef}/bindings")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response bind(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("BindCloudResource", keyRef, (kms, caller) -> {
            JsonInput body = body(in, "productId", "resourceId");
            CloudResourceBinding binding = kms.bindings().bind(caller, checked(keyRef),
                    body.requiredString("productId", CloudResourceBindings.MAX_PRODUCT_ID_CHARS),
                    body.requiredString("resourceId", CloudResourceBindings.MAX_RESOURCE_ID_CHARS));
            return new Answer(201, json(binding).build(), null);
        });
    }

    /** The resource id is the rest of the path, so that ids with a {@code /} need no encoding. */
    @DELETE
    @Path("/{keyRef}/bindings/{productId}/{resourceId: .+}")
    @Consumes(MediaType.WILDCARD)
    public Response unbind(@PathParam("keyRef") String keyRef, @PathParam("productId") String productId,
                           @PathParam("resourceId") String resourceId, InputStream in) {
        return bodilessChange("UnbindCloudResource", keyRef, in, (kms, caller) -> kms.bindings().unbind(caller, checked(keyRef),
                BoundedText.check(productId, "productId", CloudResourceBindings.MAX_PRODUCT_ID_CHARS),
                BoundedText.check(resourceId, "resourceId", CloudResourceBindings.MAX_RESOURCE_ID_CHARS)));
    }

    private static JsonObjectBuilder json(CloudResourceBinding binding) {
        JsonObjectBuilder out = Jsons.object()
                .add("keyId", binding.keyId())
                .add("productId", binding.productId())
                .add("resourceId", binding.resourceId())
                .add("boundBy", binding.boundBy());
        KeyJson.time(out, "createTime", binding.createTime());
        return out;
    }
}
