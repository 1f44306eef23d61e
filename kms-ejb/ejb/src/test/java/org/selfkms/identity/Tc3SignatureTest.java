package org.selfkms.identity;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The test vector captured from the real SDK 3.1.1436 (API reference, section 1.4). */
class Tc3SignatureTest {

    static final String BODY = "{\"KeyId\":\"k1\",\"Plaintext\":\"dGVzdA==\",\"EncryptionContext\":\"{\\\"a\\\":\\\"b\\\"}\"}";
    static final String AUTHORIZATION = "TC3-HMAC-SHA256 Credential=AKIDtestSecretId/2026-11-29/localhost:18080/tc3_request, "
            + "SignedHeaders=content-type;host, Signature=8edb2f7e599fcc8943e9de8db27c0e1acecd4cca7dfc1a68f81851ae5798218a";

    @Test
    void reproducesTheSdkSignature() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertEquals(73, body.length);
        String payloadHash = Tc3Signature.sha256Hex(body);
        assertEquals("d6af11d20f6fab873d53cd84a6b25a4b60223fbd0efd7772aed756e0bc74c916", payloadHash);

        Tc3Authorization auth = Tc3Authorization.parse(AUTHORIZATION);
        assertEquals("AKIDtestSecretId", auth.secretId());
        assertEquals("2026-11-29", auth.date());
        assertEquals("localhost:18080", auth.service());
        assertEquals(List.of("content-type", "host"), auth.signedHeaders());

        String canonical = Tc3Signature.canonicalRequest("POST", "", auth.signedHeaders(),
                Map.of("content-type", "application/json; charset=utf-8", "host", "localhost:18080"), payloadHash);
        assertEquals("714bd921fe1c194012d473e01488a1416ba679950c233f798c7d960781487463",
                Tc3Signature.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
        String stringToSign = Tc3Signature.stringToSign("1795927050", auth.credentialScope(), canonical);
        assertEquals(auth.signature(), Tc3Signature.signature("testSecretKey".getBytes(StandardCharsets.UTF_8),
                auth.date(), auth.service(), stringToSign));
    }

    @Test
    void theHostWithoutItsPortIsOneOfTheSignedForms() {
        assertEquals("kms.example", Tc3Signature.withoutPort("kms.example:8443"));
        assertEquals("[::1]", Tc3Signature.withoutPort("[::1]:8443"));
        for (String unchanged : List.of("kms.example", "::1", "[::1]", "kms.example:", "kms.example:84a3")) {
            assertEquals(unchanged, Tc3Signature.withoutPort(unchanged));
        }
        Map<String, String> sent = Map.of("content-type", "application/json", "host", "Kms.example:8443", "x-tc-action", "Encrypt");
        List<Map<String, String>> forms = Tc3Signature.signedHeaderForms(List.of("content-type", "host", "x-tc-action"), sent);
        assertEquals(List.of("Kms.example:8443", "kms.example:8443", "Kms.example", "kms.example"),
                forms.stream().map(form -> form.get("host")).toList());
        assertEquals(List.of("Encrypt", "encrypt", "Encrypt", "encrypt"), forms.stream().map(form -> form.get("x-tc-action")).toList());
        // a request already in lower case without a port has one form
        assertEquals(1, Tc3Signature.signedHeaderForms(List.of("content-type", "host"),
                Map.of("content-type", "application/json", "host", "kms.example")).size());
    }

    @Test
    void serviceMayContainSlashesAndColons() {
        Tc3Authorization auth = Tc3Authorization.parse("TC3-HMAC-SHA256 Credential=AKID1/2026-11-29/localhost:18080/kmsapi/tc3_request, "
                + "SignedHeaders=content-type;host;x-tc-action, Signature=" + "a".repeat(64));
        assertEquals("localhost:18080/kmsapi", auth.service());
        assertEquals(List.of("content-type", "host", "x-tc-action"), auth.signedHeaders());
    }

    @Test
    void malformedHeadersAreRefused() {
        for (String bad : new String[]{null, "", "Bearer abc", "TC3-HMAC-SHA256 Credential=x",
                "TC3-HMAC-SHA256 Credential=AKID/2026-11-29/tc3_request, SignedHeaders=host, Signature=" + "a".repeat(64),
                "TC3-HMAC-SHA256 Credential=AKID/2026-11-29/kms/tc3_request, SignedHeaders=host, Signature=XYZ",
                "TC3-HMAC-SHA256 Credential=AKID/2026-11-29/kms/other, SignedHeaders=host, Signature=" + "a".repeat(64)}) {
            KmsException e = assertThrows(KmsException.class, () -> Tc3Authorization.parse(bad), String.valueOf(bad));
            assertEquals(KmsErrorCode.AUTH_MALFORMED, e.code());
        }
    }
}
