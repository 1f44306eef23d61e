package org.selfkms.api.gate;

import org.junit.jupiter.api.Test;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Role;
import org.selfkms.api.identity.SignedApiRequest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialsTest {

    private static final String SECRET = "s3cr3t-Value-0123456789";

    @Test
    void noCredentialsShowTheirSecretInToString() {
        SignedApiRequest signed = new SignedApiRequest("TC3-HMAC-SHA256 Credential=AKIDx/2026-01-01/kms/tc3_request, Signature="
                + SECRET, "1700000000", "POST", "", Map.of("authorization", SECRET), SECRET);
        List<Credentials> all = List.of(new Credentials.Tc3(signed), new Credentials.SecretKeyPair("AKIDvisible", SECRET),
                new Credentials.BearerToken(SECRET), new Credentials.ConsoleLogin("alice", SECRET.toCharArray()),
                new Credentials.ConsoleSession(new Caller(1, 100, "alice", Caller.Kind.CONSOLE_USER, null, Role.KEY_USER)),
                new Credentials.None());
        for (Credentials credentials : all) {
            assertFalse(credentials.toString().contains(SECRET), credentials.getClass().getSimpleName());
            assertFalse(credentials.toString().contains("s3cr3t"), credentials.getClass().getSimpleName());
        }
        assertTrue(new Credentials.SecretKeyPair("AKIDvisible", SECRET).toString().contains("AKIDvisible"),
                "the SecretId is no secret and helps reading a log");
        assertTrue(new Credentials.ConsoleLogin("alice", SECRET.toCharArray()).toString().contains("alice"));
    }

    @Test
    void aRequestStillShowsItsCredentialsWithoutSecrets() {
        Request request = new Request(Door.REST, "CreateToken", null, "127.0.0.1", new Credentials.SecretKeyPair("AKIDx", SECRET));
        assertFalse(request.toString().contains(SECRET), request.toString());
    }

    @Test
    void theDoorsKeepTheirAuditNames() {
        assertTrue(Door.TENCENT.auditName().equals("tencent") && Door.REST.auditName().equals("rest")
                && Door.CONSOLE.auditName().equals("console"));
    }
}
