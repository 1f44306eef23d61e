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
import org.selfkms.api.json.StrictJson;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.ConsoleUserInfo;
import org.selfkms.api.identity.Role;

import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import org.selfkms.api.json.Jsons;

/**
 * The tenant's console users, as the console's Access page manages them: {@code /users} (list, create) and
 * {@code /users/{username}} (delete). kms-ejb requires ADMINISTER_TENANT and scopes everything to the caller's
 * tenant, so another tenant's user is "not found" like one that does not exist.
 */
@Path("/users")
@ApplicationScoped
public class UserResource extends V1Door {

    static final int MAX_USERNAME = 64;
    /** Longer than any password anyone types; the service asks for at least 12 characters. */
    static final int MAX_PASSWORD = 256;


    @Context
    private UriInfo uri;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return serve("ListUsers", null,
                (kms, caller) -> WholeListing.of(uri, "users", () -> kms.identities().users(caller), UserResource::json));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream in) {
        return serve("CreateUser", null, (kms, caller) -> {
            JsonInput body = body(in, "username", "role", "password");
            String username = body.requiredString("username", MAX_USERNAME);
            Role role = role(body.requiredString("role", 32));
            char[] password = body.requiredString("password", MAX_PASSWORD).toCharArray();
            try {
                return new Answer(201, json(kms.identities().createUser(caller, username, role, password)).build(), null);
            } finally {
                Arrays.fill(password, '\0');
            }
        });
    }

    @DELETE
    @Path("/{username}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("username") String username) {
        return serve("DeleteUser", null, (kms, caller) -> {
            kms.identities().deleteUser(caller, BoundedText.check(username, "username", MAX_USERNAME));
            return Answer.noContent();
        });
    }

    private static JsonObjectBuilder json(ConsoleUserInfo user) {
        return Jsons.object().add("username", user.username()).add("role", user.role().name())
                .add("createTime", Instant.ofEpochSecond(user.createTime()).toString());
    }

    /** Only the roles a user can have; the service refuses the others too. */
    private static Role role(String value) {
        return Role.parse(value).filter(Role::assignableToUsers).orElseThrow(() -> new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                "'" + StrictJson.printable(value) + "' is not a user's role: TENANT_ADMIN, KEY_USER or AUDITOR"));
    }
}
