package org.selfkms.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.ApiAuthenticator;
import org.selfkms.api.identity.AuthenticationFailedException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Role;
import org.selfkms.api.identity.SignedApiRequest;
import org.selfkms.bootstrap.WallClock;
import org.selfkms.identity.CredentialDirectory.ActiveCredential;
import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;
import org.selfkms.tenant.SuspendedTenants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Verifies TC3-HMAC-SHA256 request signatures (API reference, section 1.5). */
@ApplicationScoped
public class ApiAuthenticatorBean implements ApiAuthenticator {

    static final long MAX_SKEW_SECONDS = 300;
    /** Compiled once: String.matches compiles its pattern on every call, and this runs on every request. */
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    static final String SIGNATURE_MISMATCH_ANSWER = "The request signature does not match";
    private static final ActiveCredential DECOY = decoy();

    @Inject
    private CredentialDirectory credentials;

    @Inject
    private CredentialUsage usage;

    @Inject
    private SuspendedTenants suspendedTenants;

    /**
     * Strict mode, {@code kms.tc3.require-signed-action} (KMS_TC3_REQUIRE_SIGNED_ACTION): only requests whose signature
     * covers {@code X-TC-Action} are accepted, so that a captured request cannot be replayed as another action. Off by
     * default because the official SDKs sign only content-type and host (docs/security.md, "Signatures").
     */
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private final boolean requireSignedAction = Settings.server().booleanValue(Setting.TC3_REQUIRE_SIGNED_ACTION, false);

    /** The client signs with its own real clock: a shifted test clock must not make every request stale. */
    @Inject
    @WallClock
    private Clock clock;

    @Override
    public Caller authenticate(SignedApiRequest request) {
        String payloadHash = request.headers().get("x-tc-content-sha256");
        if (payloadHash != null && payloadHash.strip().equalsIgnoreCase(UNSIGNED_PAYLOAD)) {
            // the signature would not cover the body: whoever captured a request could send any body under it
            throw new KmsException(KmsErrorCode.AUTH_MALFORMED, "X-TC-Content-SHA256: UNSIGNED-PAYLOAD is not accepted:"
                    + " a request's body must be signed (turn off the SDK's unsigned payload option)");
        }
        Tc3Authorization authorization = Tc3Authorization.parse(request.authorization());
        if (!authorization.signedHeaders().contains("host") || !authorization.signedHeaders().contains("content-type")) {
            throw new KmsException(KmsErrorCode.AUTH_MALFORMED, "SignedHeaders must include content-type and host");
        }
        if (requireSignedAction && !authorization.signedHeaders().contains("x-tc-action")) {
            throw new KmsException(KmsErrorCode.AUTH_MALFORMED, "SignedHeaders must include x-tc-action on this server");
        }
        // An unknown SecretId goes through every check below with a decoy credential, and is refused where a wrong
        // signature would be, with the same answer: neither the answer nor the work tells whether a SecretId exists.
        Optional<ActiveCredential> found = credentials.find(authorization.secretId());
        ActiveCredential credential = found.orElse(DECOY);
        // A known SecretId is named in failures, so that the audit record reaches its tenant; an unknown one is nobody's.
        Caller claimed = found.map(ActiveCredential::caller).orElse(null);
        long timestamp = parseTimestamp(request.timestamp(), claimed);
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > MAX_SKEW_SECONDS) {
            throw new AuthenticationFailedException(KmsErrorCode.AUTH_SIGNATURE_EXPIRED,
                    "The request timestamp is more than 5 minutes away from the server time", claimed);
        }
        if (!authorization.date().equals(DATE.format(Instant.ofEpochSecond(timestamp)))) {
            throw signatureMismatch(claimed);
        }
        for (String name : authorization.signedHeaders()) {
            if (request.headers().get(name) == null) {
                throw new AuthenticationFailedException(KmsErrorCode.AUTH_MALFORMED, "A signed header is missing: " + name, claimed);
            }
        }
        byte[] signingKey = credential.signingKey().forScope(credential.secret(), authorization.date(), authorization.service());
        // the SDKs and Tencent's signing guide canonicalize some header values differently: a signature over any of
        // their forms is accepted; the forms depend on the request only, so an unknown SecretId costs the same work
        boolean matches = false;
        for (Map<String, String> form : Tc3Signature.signedHeaderForms(authorization.signedHeaders(), request.headers())) {
            matches |= signs(signingKey, request, authorization, form);
        }
        if (found.isEmpty()) {
            // the audit record tells the operator which it was; the client's answer does not (SIGNATURE_MISMATCH_ANSWER)
            throw new KmsException(KmsErrorCode.AUTH_UNKNOWN_SECRET_ID, SIGNATURE_MISMATCH_ANSWER);
        }
        if (!matches) {
            throw signatureMismatch(claimed);
        }
        suspendedTenants.admit(claimed);
        usage.used(credential.secretId(), clock.instant().getEpochSecond());
        return claimed;
    }

    private static boolean signs(byte[] signingKey, SignedApiRequest request, Tc3Authorization authorization,
                                 Map<String, String> headerValues) {
        String canonical = Tc3Signature.canonicalRequest(request.method(), request.canonicalQuery(),
                authorization.signedHeaders(), headerValues, request.payloadSha256());
        String stringToSign = Tc3Signature.stringToSign(request.timestamp(), authorization.credentialScope(), canonical);
        return MessageDigest.isEqual(Tc3Signature.signatureWith(signingKey, stringToSign).getBytes(StandardCharsets.US_ASCII),
                authorization.signature().getBytes(StandardCharsets.US_ASCII));
    }

    private static long parseTimestamp(String value, Caller claimed) {
        if (value == null || !TIMESTAMP.matcher(value).matches()) {
            throw new AuthenticationFailedException(KmsErrorCode.AUTH_MALFORMED, "X-TC-Timestamp must be Unix seconds", claimed);
        }
        return Long.parseLong(value);
    }

    private static KmsException signatureMismatch(Caller claimed) {
        return new AuthenticationFailedException(KmsErrorCode.AUTH_SIGNATURE_MISMATCH, SIGNATURE_MISMATCH_ANSWER, claimed);
    }

    /** Stands in for an unknown SecretId: a random secret of its own, so its signature never matches. */
    private static ActiveCredential decoy() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new ActiveCredential("decoy", 0, 0, "anonymous", secret, null, Role.KEY_USER, new Tc3SigningKey());
    }
}
