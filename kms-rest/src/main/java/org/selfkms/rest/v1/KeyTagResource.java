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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyTag;

import java.io.InputStream;
import java.util.List;

import static org.selfkms.rest.v1.KeyResource.checked;
import org.selfkms.api.json.Jsons;

/**
 * A key's tags as one JSON object of strings, the form {@code POST /keys} takes them in: read them, add or
 * replace some, remove one. The tag rules (characters, reserved prefixes, 50 per key) are kms-ejb's.
 */
@Path("/keys")
@ApplicationScoped
public class KeyTagResource extends V1Door {

    /** The longest tag key kms-ejb accepts; anything longer is refused before the call. */
    static final int MAX_TAG_KEY_CHARS = 127;


    @GET
    @Path("/{keyRef}/tags")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("keyRef") String keyRef) {
        return serve("ListKeyTags", keyRef, (kms, caller) -> {
            JsonObjectBuilder tags = Jsons.object();
            kms.keys().keyTags(caller, checked(keyRef)).forEach(tag -> tags.add(tag.key(), tag.value()));
            return Answer.ok(Jsons.object().add("tags", tags).build());
        });
    }

    @POST
    @Path("/{keyRef}/tags")
    @Consumes(MediaType.WILDCARD)
    public Response tag(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("TagKey", keyRef, (kms, caller) -> {
            JsonInput body = body(in, "tags");
            List<KeyTag> tags = body.stringMap("tags", 50, 255).map(KeyResource::tags)
                    .filter(list -> !list.isEmpty()).orElseThrow(() -> JsonInput.missing("tags"));
            kms.keys().tagKey(caller, checked(keyRef), tags);
            return Answer.noContent();
        });
    }

    /** The tag key is the rest of the path, so that keys with a {@code /} need no encoding. */
    @DELETE
    @Path("/{keyRef}/tags/{tagKey: .+}")
    @Consumes(MediaType.WILDCARD)
    public Response untag(@PathParam("keyRef") String keyRef, @PathParam("tagKey") String tagKey, InputStream in) {
        return serve("UntagKey", keyRef, (kms, caller) -> {
            body(in);
            if (tagKey.length() > MAX_TAG_KEY_CHARS) {
                throw new KmsException(KmsErrorCode.TAG_INVALID, "A tag key has at most " + MAX_TAG_KEY_CHARS + " characters");
            }
            kms.keys().untagKey(caller, checked(keyRef), List.of(tagKey));
            return Answer.noContent();
        });
    }
}
