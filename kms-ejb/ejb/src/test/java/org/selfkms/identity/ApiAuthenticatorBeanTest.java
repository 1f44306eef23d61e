package org.selfkms.identity;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.AuthenticationFailedException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Role;
import org.selfkms.api.identity.SignedApiRequest;
import org.selfkms.identity.CredentialDirectory.ActiveCredential;
import org.selfkms.tenant.SuspendedTenants;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whether a SecretId exists is told neither by the answer nor by which checks run. */
class ApiAuthenticatorBeanTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final byte[] SECRET = "known-secret-key".getBytes(StandardCharsets.UTF_8);

    private final ApiAuthenticatorBean authenticator = new ApiAuthenticatorBean();

    ApiAuthenticatorBeanTest() throws Exception {
        set("credentials", new CredentialDirectory() {
            @Override
            public Optional<ActiveCredential> find(String secretId) {
                return secretId.equals("AKIDknown") ? Optional.of(new ActiveCredential("AKIDknown", 7, 7, "alice", SECRET, null,
                        Role.KEY_USER, new Tc3SigningKey())) : Optional.empty();
            }
        });
        set("usage", new CredentialUsage() {
            @Override
            public void used(String secretId, long now) {
            }
        });
        set("suspendedTenants", new SuspendedTenants() {
            @Override
            public void admit(Caller caller) {
            }
        });
        set("clock", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aKnownSecretIdWithTheRightSignatureIsAdmitted() {
        assertEquals("AKIDknown", authenticator.authenticate(signed("AKIDknown", SECRET, NOW)).principal());
    }

    @Test
    void anUnknownSecretIdIsRefusedWithTheAnswerOfAWrongSignature() {
        KmsException wrong = assertThrows(KmsException.class,
                () -> authenticator.authenticate(signed("AKIDknown", "not-the-secret".getBytes(StandardCharsets.UTF_8), NOW)));
        KmsException unknown = assertThrows(KmsException.class,
                () -> authenticator.authenticate(signed("AKIDunknown", SECRET, NOW)));
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_MISMATCH, wrong.code());
        assertEquals(KmsErrorCode.AUTH_UNKNOWN_SECRET_ID, unknown.code(), "the audit record still tells the operator");
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertFalse(unknown instanceof AuthenticationFailedException failed && failed.claimedBy().isPresent(),
                "an unknown SecretId is nobody's");
    }

    @Test
    void anUnknownSecretIdGoesThroughTheSameChecksFirst() {
        // a stale timestamp is refused as stale whether or not the SecretId exists: the checks run in the same order
        Instant stale = NOW.minusSeconds(3600);
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, assertThrows(KmsException.class,
                () -> authenticator.authenticate(signed("AKIDknown", SECRET, stale))).code());
        KmsException unknown = assertThrows(KmsException.class, () -> authenticator.authenticate(signed("AKIDunknown", SECRET, stale)));
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, unknown.code());
        assertTrue(unknown.getMessage().contains("5 minutes"), unknown.getMessage());
    }

    @Test
    void theActionSignedAsTheSdkOrAsTencentsGuideSignsIsAcceptedAndBindsTheAction() {
        List<String> withAction = List.of("content-type", "host", "x-tc-action");
        // the guide signs the value lower-cased (x-tc-action:encrypt), a client may sign it as sent
        assertEquals("AKIDknown", authenticator.authenticate(signed("AKIDknown", SECRET, NOW, withAction, "Encrypt", "encrypt")).principal());
        assertEquals("AKIDknown", authenticator.authenticate(signed("AKIDknown", SECRET, NOW, withAction, "Encrypt", "Encrypt")).principal());
        // a captured request re-sent as another action no longer matches its signature
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_MISMATCH, assertThrows(KmsException.class,
                () -> authenticator.authenticate(signed("AKIDknown", SECRET, NOW, withAction, "DisableKey", "encrypt"))).code());
    }

    @Test
    void theHostSignedWithoutItsPortAsTheNodeSdkSignsItIsAccepted() {
        List<String> signedHeaders = List.of("content-type", "host");
        // the Node.js SDK signs the URL's hostname and sends Host: name:port
        assertEquals("AKIDknown", authenticator.authenticate(signed("AKIDknown", SECRET, NOW, signedHeaders, "Encrypt", "Encrypt",
                "kms.example:8443", "kms.example")).principal());
        assertEquals("AKIDknown", authenticator.authenticate(signed("AKIDknown", SECRET, NOW, signedHeaders, "Encrypt", "Encrypt",
                "[::1]:8443", "[::1]")).principal());
        assertEquals("AKIDknown", authenticator.authenticate(signed("AKIDknown", SECRET, NOW, signedHeaders, "Encrypt", "Encrypt",
                "kms.example:8443", "kms.example:8443")).principal());
        // another host name, or another port than the one sent, is not this request
        for (String otherHost : List.of("other.example", "kms.example:9443", "kms.example:")) {
            assertEquals(KmsErrorCode.AUTH_SIGNATURE_MISMATCH, assertThrows(KmsException.class, () -> authenticator.authenticate(
                    signed("AKIDknown", SECRET, NOW, signedHeaders, "Encrypt", "Encrypt", "kms.example:8443", otherHost))).code(), otherHost);
        }
    }

    @Test
    void strictModeRefusesSignaturesThatDoNotCoverTheAction() throws Exception {
        set("requireSignedAction", true);
        KmsException refused = assertThrows(KmsException.class, () -> authenticator.authenticate(signed("AKIDknown", SECRET, NOW)));
        assertEquals(KmsErrorCode.AUTH_MALFORMED, refused.code());
        assertEquals("AKIDknown", authenticator.authenticate(signed("AKIDknown", SECRET, NOW,
                List.of("content-type", "host", "x-tc-action"), "Encrypt", "encrypt")).principal());
    }

    private static SignedApiRequest signed(String secretId, byte[] secret, Instant at) {
        return signed(secretId, secret, at, List.of("content-type", "host"), "Encrypt", "Encrypt");
    }

    /** A request carrying {@code action}, its signature computed over {@code signedAction} as the action's value. */
    private static SignedApiRequest signed(String secretId, byte[] secret, Instant at, List<String> signedHeaders,
                                           String action, String signedAction) {
        return signed(secretId, secret, at, signedHeaders, action, signedAction, "kms.example", "kms.example");
    }

    /** As above, sent with {@code Host: sentHost} and signed over {@code host:signedHost}. */
    private static SignedApiRequest signed(String secretId, byte[] secret, Instant at, List<String> signedHeaders,
                                           String action, String signedAction, String sentHost, String signedHost) {
        String timestamp = Long.toString(at.getEpochSecond());
        String date = at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        Map<String, String> headers = Map.of("content-type", "application/json", "host", sentHost, "x-tc-action", action);
        Map<String, String> signedValues = Map.of("content-type", "application/json", "host", signedHost, "x-tc-action", signedAction);
        String payload = Tc3Signature.sha256Hex("{}".getBytes(StandardCharsets.UTF_8));
        String canonical = Tc3Signature.canonicalRequest("POST", "", signedHeaders, signedValues, payload);
        String scope = date + "/kms/tc3_request";
        String signature = Tc3Signature.signature(secret, date, "kms", Tc3Signature.stringToSign(timestamp, scope, canonical));
        String authorization = "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope
                + ", SignedHeaders=" + String.join(";", signedHeaders) + ", Signature=" + signature;
        return new SignedApiRequest(authorization, timestamp, "POST", "", headers, payload);
    }

    private void set(String field, Object value) throws Exception {
        Field f = ApiAuthenticatorBean.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(authenticator, value);
    }
}
