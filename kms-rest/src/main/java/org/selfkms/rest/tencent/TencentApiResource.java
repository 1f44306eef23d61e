package org.selfkms.rest.tencent;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.ApiAuthenticator;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.SignedApiRequest;
import org.selfkms.api.json.StrictJson;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * POST / with X-TC-Action: authenticate the TC3 signature over the raw body, parse the JSON, dispatch.
 * Every outcome is HTTP 200 with Tencent's envelope, because the SDK turns any other status into an
 * opaque ServerSideError.
 */
@Path("/")
@RequestScoped
public class TencentApiResource {

    static final String API_VERSION = "2019-01-18";
    private static final Logger LOG = Logger.getLogger(TencentApiResource.class.getName());

    @EJB
    private ApiAuthenticator authenticator;

    @Inject
    private TencentActions actions;

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(byte[] body) {
        String requestId = UUID.randomUUID().toString();
        String action = headers.getHeaderString("X-TC-Action");
        try {
            String version = headers.getHeaderString("X-TC-Version");
            if (action == null || action.isBlank()) {
                throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "The X-TC-Action header is required");
            }
            Caller caller = authenticator.authenticate(signedRequest(body == null ? new byte[0] : body));
            if (!API_VERSION.equals(version)) {
                throw new KmsException(KmsErrorCode.UNSUPPORTED_VERSION, "Only API version " + API_VERSION + " is served");
            }
            RequestFields fields = new RequestFields(parseObject(body));
            return ok(TencentJson.success(requestId, actions.dispatch(action, caller, fields)));
        } catch (KmsException e) {
            return ok(TencentJson.error(requestId, TencentErrorCodes.of(e.code(), action), e.getMessage()));
        } catch (RuntimeException e) {
            KmsException domain = unwrap(e);
            if (domain != null) {
                return ok(TencentJson.error(requestId, TencentErrorCodes.of(domain.code(), action), domain.getMessage()));
            }
            LOG.log(Level.SEVERE, "Request " + requestId + " (" + action + ") failed", e);
            return ok(TencentJson.error(requestId, "InternalError", "Internal error; quote RequestId " + requestId + " to the operator"));
        }
    }

    /** The SDK can be told to use GET; only signed POST with JSON is served (API reference, section 1.6). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return ok(TencentJson.error(UUID.randomUUID().toString(), "UnsupportedProtocol",
                "Send actions as POST with a JSON body signed with TC3-HMAC-SHA256"));
    }

    private SignedApiRequest signedRequest(byte[] body) {
        Map<String, String> received = new HashMap<>();
        for (String name : headers.getRequestHeaders().keySet()) {
            received.put(name.toLowerCase(Locale.ROOT), headers.getHeaderString(name));
        }
        String query = uriInfo.getRequestUri().getRawQuery();
        return new SignedApiRequest(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                headers.getHeaderString("X-TC-Timestamp"), "POST", query == null ? "" : query, received, sha256Hex(body));
    }

    private static JsonObject parseObject(byte[] body) {
        return StrictJson.readObject(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))
                .orElseThrow(() -> new KmsException(KmsErrorCode.MALFORMED_REQUEST, "The request body must be one JSON object"));
    }

    /** EJB containers may wrap application exceptions thrown from nested calls. */
    private static KmsException unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof KmsException k) {
                return k;
            }
        }
        return null;
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response ok(String json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
