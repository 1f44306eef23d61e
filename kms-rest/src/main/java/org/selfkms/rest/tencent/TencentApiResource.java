package org.selfkms.rest.tencent;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
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
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditLog;
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

    @EJB
    private AuditLog audit;

    @Inject
    private TencentActions actions;

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpServletRequest http;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(byte[] body) {
        String requestId = UUID.randomUUID().toString();
        String action = headers.getHeaderString("X-TC-Action");
        Caller caller = null;
        RequestFields fields = null;
        try {
            String version = headers.getHeaderString("X-TC-Version");
            if (action == null || action.isBlank()) {
                throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "The X-TC-Action header is required");
            }
            caller = authenticator.authenticate(signedRequest(body == null ? new byte[0] : body));
            if (!API_VERSION.equals(version)) {
                throw new KmsException(KmsErrorCode.UNSUPPORTED_VERSION, "Only API version " + API_VERSION + " is served");
            }
            ServedRegions.check(headers.getHeaderString("X-TC-Region"));
            fields = new RequestFields(parseObject(body));
            JsonObject result = actions.dispatch(action, caller, fields).build();
            // Audited before the answer leaves: if the record cannot be written, the result is withheld.
            audit.record(AuditEvent.allowed(AuditEvent.DOOR_TENCENT, caller, action,
                    result.containsKey("KeyId") ? result.getString("KeyId", null) : requestedKeyId(fields),
                    requestId, sourceAddress()));
            return ok(TencentJson.success(requestId, result));
        } catch (RuntimeException e) {
            return refused(requestId, action, caller, requestedKeyId(fields), e);
        }
    }

    /** The SDK can be told to use GET; only signed POST with JSON is served (API reference, section 1.6). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        String requestId = UUID.randomUUID().toString();
        String message = "Send actions as POST with a JSON body signed with TC3-HMAC-SHA256";
        return AuditedError.of(audit, AuditEvent.refused(AuditEvent.DOOR_TENCENT, null, headers.getHeaderString("X-TC-Action"),
                null, requestId, sourceAddress(), new KmsException(KmsErrorCode.MALFORMED_REQUEST, message)), "UnsupportedProtocol", message);
    }

    /** The error answer for a refused or failed request, after its audit record is written. */
    private Response refused(String requestId, String action, Caller caller, String keyId, RuntimeException failure) {
        KmsException domain = KmsException.findIn(failure);
        if (domain == null) {
            LOG.log(Level.SEVERE, "Request " + requestId + " (" + action + ") failed", failure);
        }
        AuditEvent event = AuditEvent.refused(AuditEvent.DOOR_TENCENT, caller, action, keyId, requestId, sourceAddress(), failure);
        return domain == null ? AuditedError.internal(audit, event)
                : AuditedError.of(audit, event, TencentErrorCodes.of(domain.code(), action), domain.getMessage());
    }

    /** The key a refused request named, if it named one in the usual field; never fails. */
    private static String requestedKeyId(RequestFields fields) {
        try {
            return fields == null ? null : fields.optionalString("KeyId").orElse(null);
        } catch (RuntimeException wrongType) {
            return null;
        }
    }

    private String sourceAddress() {
        return http == null ? null : http.getRemoteAddr();
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
