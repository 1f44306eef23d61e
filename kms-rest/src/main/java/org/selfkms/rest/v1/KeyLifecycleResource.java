package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.key.KeyManagement;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyVersionInfo;

import java.io.InputStream;
import java.time.Instant;

import static org.selfkms.rest.v1.KeyResource.checked;
import org.selfkms.api.json.Jsons;

/**
 * The life of a key after its creation: description, alias, scheduled deletion, archive, rotation and its
 * versions. One {@link KeyManagement} call each, as the Tencent actions of the same names; every rule (state,
 * role, service-managed keys) is kms-ejb's.
 */
@Path("/keys")
@ApplicationScoped
public class KeyLifecycleResource extends V1Door {

    /** Tencent's default rotation period, used when enabling rotation names none. */
    static final int DEFAULT_ROTATE_DAYS = 365;


    @PATCH
    @Path("/{keyRef}")
    @Consumes(MediaType.WILDCARD)
    public Response updateDescription(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("UpdateKeyDescription", keyRef, (kms, caller) -> {
            JsonInput body = body(in, "description");
            // a present but empty description clears it, so only absence is refused
            String description = body.string("description", 1024).orElseThrow(() -> JsonInput.missing("description"));
            kms.keys().updateKeyDescription(caller, checked(keyRef), description);
            return Answer.noContent();
        });
    }

    @PUT
    @Path("/{keyRef}/alias")
    @Consumes(MediaType.WILDCARD)
    public Response updateAlias(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("UpdateAlias", keyRef, (kms, caller) -> {
            JsonInput body = body(in, "alias");
            kms.keys().updateAlias(caller, checked(keyRef), body.requiredString("alias", 60));
            return Answer.noContent();
        });
    }

    @POST
    @Path("/{keyRef}/schedule-deletion")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response scheduleDeletion(@PathParam("keyRef") String keyRef, InputStream in) {
        return scheduleDeletion("ScheduleKeyDeletion", keyRef, in,
                (kms, caller, days) -> kms.keys().scheduleKeyDeletion(caller, checked(keyRef), days));
    }

    @POST
    @Path("/{keyRef}/cancel-deletion")
    @Consumes(MediaType.WILDCARD)
    public Response cancelDeletion(@PathParam("keyRef") String keyRef, InputStream in) {
        return change("CancelKeyDeletion", keyRef, in, KeyManagement::cancelKeyDeletion);
    }

    @POST
    @Path("/{keyRef}/archive")
    @Consumes(MediaType.WILDCARD)
    public Response archive(@PathParam("keyRef") String keyRef, InputStream in) {
        return change("ArchiveKey", keyRef, in, KeyManagement::archiveKey);
    }

    @POST
    @Path("/{keyRef}/unarchive")
    @Consumes(MediaType.WILDCARD)
    public Response unarchive(@PathParam("keyRef") String keyRef, InputStream in) {
        return change("CancelKeyArchive", keyRef, in, KeyManagement::cancelKeyArchive);
    }

    @GET
    @Path("/{keyRef}/rotation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotationStatus(@PathParam("keyRef") String keyRef) {
        return serve("GetKeyRotationStatus", keyRef, (kms, caller) -> Answer.ok(Jsons.object()
                .add("rotationEnabled", kms.keys().keyRotationEnabled(caller, checked(keyRef))).build()));
    }

    @POST
    @Path("/{keyRef}/rotation/enable")
    @Consumes(MediaType.WILDCARD)
    public Response enableRotation(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("EnableKeyRotation", keyRef, (kms, caller) -> {
            JsonInput body = body(in, "rotateDays");
            // 7-365 is kms-ejb's rule; any integer passes here so that the message is the service's
            int days = body.integer("rotateDays", Integer.MIN_VALUE, Integer.MAX_VALUE).orElse(DEFAULT_ROTATE_DAYS);
            kms.keys().enableKeyRotation(caller, checked(keyRef), days);
            return Answer.noContent();
        });
    }

    @POST
    @Path("/{keyRef}/rotation/disable")
    @Consumes(MediaType.WILDCARD)
    public Response disableRotation(@PathParam("keyRef") String keyRef, InputStream in) {
        return change("DisableKeyRotation", keyRef, in, KeyManagement::disableKeyRotation);
    }

    @POST
    @Path("/{keyRef}/rotate")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotate(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("RotateKey", keyRef, (kms, caller) -> {
            body(in);
            KeyMetadata rotated = kms.keys().rotateKey(caller, checked(keyRef));
            return Answer.ok(KeyJson.of(rotated).build());
        });
    }

    @GET
    @Path("/{keyRef}/versions")
    @Produces(MediaType.APPLICATION_JSON)
    public Response versions(@PathParam("keyRef") String keyRef) {
        return serve("ListKeyVersions", keyRef, (kms, caller) -> {
            JsonArrayBuilder versions = Jsons.array();
            for (KeyVersionInfo version : kms.keys().keyVersions(caller, checked(keyRef))) {
                versions.add(Jsons.object().add("version", version.version())
                        .add("createTime", Instant.ofEpochSecond(version.createTime()).toString())
                        .add("current", version.current()));
            }
            return Answer.ok(Jsons.object().add("versions", versions).build());
        });
    }

    /** One call of the key service on the key in the path. */
    @FunctionalInterface
    private interface KeyCall {
        void apply(KeyManagement keys, Caller caller, String keyRef);
    }

    /** A change that takes no body and answers 204. */
    private Response change(String action, String keyRef, InputStream in, KeyCall call) {
        return bodilessChange(action, keyRef, in, (kms, caller) -> call.apply(kms.keys(), caller, checked(keyRef)));
    }
}
