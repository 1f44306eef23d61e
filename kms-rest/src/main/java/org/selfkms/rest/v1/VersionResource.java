package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.selfkms.api.json.Jsons;
import org.selfkms.api.version.VersionInfo;

/**
 * {@code GET /version}: the build that answers (version, git commit, build time) and the database's schema version,
 * for any authenticated caller - an anonymous one learns nothing about which build, and so which weaknesses, it
 * would be attacking.
 */
@Path("/version")
@ApplicationScoped
public class VersionResource extends V1Door {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response version() {
        return serve("GetVersion", null, (kms, caller) -> {
            VersionInfo version = kms.version().current();
            return Answer.ok(Jsons.object()
                    .add("version", version.version())
                    .add("commit", version.commit())
                    .add("buildTime", version.buildTime())
                    .add("schemaVersion", version.schemaVersion())
                    .build());
        });
    }
}
