package org.selfkms.rest.tencent;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Credentials;
import org.selfkms.api.gate.Door;
import org.selfkms.api.gate.Request;
import org.selfkms.api.gate.RequestGate;
import org.selfkms.api.identity.SignedApiRequest;
import org.selfkms.api.json.StrictJson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * POST / with X-TC-Action: the signed request goes to the gate once, which checks the TC3 signature over the raw
 * body, runs the action and audits it; this class only reads the request and renders the answer. Every outcome is
 * HTTP 200 with Tencent's envelope, because the SDK turns any other status into an opaque ServerSideError.
 *
 * <p>Application-scoped: it keeps nothing per request, and its {@code @Context} fields are proxies to the current
 * request's objects.
 */
@Path("/")
@ApplicationScoped
public class TencentApiResource {

    static final String API_VERSION = "2019-01-18";
    /**
     * The largest body this door reads. Tencent allows 10 MB for any product; every KMS action's fields are a few
     * KiB at most (4 KiB of plaintext in Base64, a wrapped key, a signature), so a larger body is refused, with
     * Tencent's code for it, without being read further.
     */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    @EJB
    private RequestGate gate;

    private final TencentActions actions = new TencentActions();

    @Context
    private HttpHeaders headers;

    @Context
    private HttpServletRequest http;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(InputStream body, @Context HttpServletRequest servlet) {
        // The servlet request as a parameter, not the field: the field is a proxy that finds the current request
        // anew on every call, and a request reads a dozen headers.
        String action = servlet.getHeader("X-TC-Action");
        byte[] raw = new byte[0];
        // a body declared too large is refused unread; one that turns out too large, after the first byte too many
        boolean tooLarge = servlet.getContentLengthLong() > MAX_BODY_BYTES;
        if (!tooLarge) {
            try {
                raw = body == null ? raw : body.readNBytes(MAX_BODY_BYTES + 1);
            } catch (IOException e) {
                KmsException unreadable = new KmsException(KmsErrorCode.MALFORMED_REQUEST, "The request body could not be read");
                return TencentAnswers.refused(gate.refuse(request(servlet, action, null, new Credentials.None()), unreadable), action);
            }
            tooLarge = raw.length > MAX_BODY_BYTES;
        }
        if (tooLarge) {
            KmsException refusal = new KmsException(KmsErrorCode.MALFORMED_REQUEST, "The request body is larger than "
                    + MAX_BODY_BYTES + " bytes");
            return TencentAnswers.turnedAway(gate.refuse(request(servlet, action, null, new Credentials.None()), refusal),
                    refusal, "RequestSizeLimitExceeded");
        }
        if (action == null || action.isBlank()) {
            KmsException missing = LegacySignature.isOne(servlet, raw)
                    ? new KmsException(KmsErrorCode.AUTH_MALFORMED, LegacySignature.REFUSAL)
                    : new KmsException(KmsErrorCode.MISSING_PARAMETER, "The X-TC-Action header is required");
            return TencentAnswers.refused(gate.refuse(request(servlet, action, null, new Credentials.None()), missing), action);
        }
        String version = servlet.getHeader("X-TC-Version");
        String region = servlet.getHeader("X-TC-Region");
        // Read now for the key it names (the audit's key reference if the request resolves none); a body that is
        // not one JSON object is refused only after the signature, version and region checks, as always.
        Body json = Body.of(raw);
        Request request = request(servlet, action, json.keyId(),
                new Credentials.Tc3(signedRequest(servlet, raw)));
        return TencentAnswers.of(gate.serve(request, (kms, caller) -> {
            if (!API_VERSION.equals(version)) {
                throw new KmsException(KmsErrorCode.UNSUPPORTED_VERSION, "Only API version " + API_VERSION + " is served");
            }
            ServedRegions.check(region);
            RequestFields fields = new RequestFields(json.object());
            return actions.dispatch(kms, caller, action, fields).build();
        }), action);
    }

    /** The SDK can be told to use GET; only signed POST with JSON is served (API reference, section 1.6). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        KmsException reason = new KmsException(KmsErrorCode.MALFORMED_REQUEST,
                "Send actions as POST with a JSON body signed with TC3-HMAC-SHA256");
        return TencentAnswers.turnedAway(gate.refuse(request(http, headers.getHeaderString("X-TC-Action"), null,
                new Credentials.None()), reason), reason, "UnsupportedProtocol");
    }

    private static Request request(HttpServletRequest servlet, String action, String keyRef, Credentials credentials) {
        return new Request(Door.TENCENT, action, keyRef, servlet == null ? null : servlet.getRemoteAddr(), credentials);
    }

    /** The key the request names in the usual field (KeyId, or DataKeyId for a hosted data key), if it is a string. */
    private static String keyIdField(JsonObject json) {
        JsonValue keyId = json.get("KeyId");
        if (keyId instanceof JsonString string) {
            return string.getString();
        }
        return json.get("DataKeyId") instanceof JsonString dataKeyId ? dataKeyId.getString() : null;
    }

    private static SignedApiRequest signedRequest(HttpServletRequest servlet, byte[] body) {
        Map<String, String> received = new HashMap<>();
        for (Enumeration<String> names = servlet.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            received.put(name.toLowerCase(Locale.ROOT), String.join(",", Collections.list(servlet.getHeaders(name))));
        }
        String query = servlet.getQueryString();
        return new SignedApiRequest(servlet.getHeader(HttpHeaders.AUTHORIZATION), servlet.getHeader("X-TC-Timestamp"),
                "POST", query == null ? "" : query, received, sha256Hex(body));
    }

    /** The body, read once: its JSON object, or why it is not one (answered only after the signature checks). */
    private record Body(JsonObject json, String refusal) {

        static Body of(byte[] raw) {
            try {
                return new Body(StrictJson.parseObject(new InputStreamReader(new ByteArrayInputStream(raw), StandardCharsets.UTF_8)), null);
            } catch (StrictJson.InvalidJson e) {
                return new Body(null, "The request body " + e.getMessage());
            }
        }

        String keyId() {
            return json == null ? null : keyIdField(json);
        }

        JsonObject object() {
            if (json == null) {
                throw new KmsException(KmsErrorCode.MALFORMED_REQUEST, refusal);
            }
            return json;
        }
    }

    /** One digest per thread: MessageDigest.getInstance walks the providers and reflects on every call. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static String sha256Hex(byte[] body) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(body));
    }
}
