package org.selfkms.gate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Credentials;
import org.selfkms.api.gate.Door;
import org.selfkms.api.gate.Request;
import org.selfkms.api.gate.Served;
import org.selfkms.api.identity.AuthenticationFailedException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Role;
import org.selfkms.api.identity.SecretKeyAuthenticator;
import org.selfkms.api.identity.SignedApiRequest;
import org.selfkms.audit.AuditRoute;
import org.selfkms.identity.BearerTokenStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline with its collaborators faked: what is recorded, what is answered, in which order. */
class RequestGateBeanTest {

    private static final Caller ADMIN = new Caller(7, 100000000007L, "AKIDadmin", Caller.Kind.API_CREDENTIAL, null, Role.TENANT_ADMIN);
    private static final Caller ALICE = new Caller(7, 100000000007L, "alice", Caller.Kind.CONSOLE_USER, null, Role.KEY_USER);
    private static final UUID KEY = UUID.fromString("0f0e0d0c-0b0a-0908-0706-050403020100");
    private static final SignedApiRequest SIGNED = new SignedApiRequest("TC3-HMAC-SHA256 x", "1", "POST", "", Map.of(), "00");

    private final RequestGateBean gate = new RequestGateBean();
    private final List<AuditEvent> records = new ArrayList<>();
    private final AtomicBoolean auditFails = new AtomicBoolean();
    private final Set<String> disabledCredentials = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void wire() {
        gate.audit = new AuditRoute() {
            @Override
            public void record(AuditEvent event) {
                if (auditFails.get()) {
                    throw new KmsException(KmsErrorCode.INTERNAL, "audit queue full");
                }
                records.add(event);
            }

            @Override
            public void flush() {
            }
        };
        gate.signatures = request -> {
            if (request.authorization().endsWith("bad")) {
                throw new AuthenticationFailedException(KmsErrorCode.AUTH_SIGNATURE_MISMATCH, "bad signature", ADMIN);
            }
            return ADMIN;
        };
        gate.secretKeys = new SecretKeyAuthenticator() {
            @Override
            public Caller authenticate(String secretId, String secretKey) {
                if (!"right".equals(secretKey)) {
                    throw new AuthenticationFailedException(KmsErrorCode.AUTH_LOGIN_FAILED, "no", ADMIN);
                }
                return ADMIN;
            }

            @Override
            public Caller current(String secretId) {
                if (disabledCredentials.contains(secretId)) {
                    throw new KmsException(KmsErrorCode.AUTH_UNKNOWN_SECRET_ID, "unknown");
                }
                return ADMIN;
            }
        };
        gate.consoleLogins = (user, password) -> {
            throw new AuthenticationFailedException(KmsErrorCode.AUTH_LOGIN_FAILED, "wrong password", null);
        };
        gate.bearerTokens = new BearerTokenStore();
        gate.services = new KmsServices(null, null, null, null, null, null, null, null, null, null, gate.bearerTokens, null);
    }

    private static Request request(String action, String keyRef, Credentials credentials) {
        return new Request(Door.TENCENT, action, keyRef, "192.0.2.1", credentials);
    }

    private AuditEvent onlyRecord() {
        assertEquals(1, records.size(), "exactly one record per request: " + records);
        return records.get(0);
    }

    @Test
    void aServedRequestIsRecordedOnceBeforeItsValueIsReturned() {
        Served<String> served = gate.serve(request("Encrypt", "alias/orders", new Credentials.Tc3(SIGNED)), (kms, caller) -> {
            assertTrue(records.isEmpty(), "recorded after the operation, not before");
            RequestNotes.keyResolved(KEY);
            return "ciphertext";
        });
        assertTrue(served.isServed());
        assertEquals("ciphertext", served.value());
        assertSame(ADMIN, served.caller());
        AuditEvent record = onlyRecord();
        assertEquals(new AuditEvent(7, "tencent", "AKIDadmin", "Encrypt", KEY.toString(), served.requestId(), "192.0.2.1",
                AuditOutcome.ALLOWED, null), record, "a key named by alias is recorded under its id");
    }

    @Test
    void withoutAResolvedKeyTheReferenceAsGivenIsRecorded() {
        gate.serve(request("ListKeys", "orders", new Credentials.Tc3(SIGNED)), (kms, caller) -> "page");
        assertEquals("orders", onlyRecord().keyId());
    }

    @Test
    void everyRequestHasItsOwnId() {
        Served<String> first = gate.serve(request("ListKeys", null, new Credentials.Tc3(SIGNED)), (kms, caller) -> "a");
        Served<String> second = gate.serve(request("ListKeys", null, new Credentials.Tc3(SIGNED)), (kms, caller) -> "b");
        assertNotEquals(first.requestId(), second.requestId());
        assertEquals(first.requestId(), records.get(0).requestId());
    }

    @Test
    void aRefusalIsRecordedUnderTheKeyItResolvedAndReturnedAsItIs() {
        KmsException disabled = new KmsException(KmsErrorCode.KEY_DISABLED, "The key is disabled");
        Served<String> served = gate.serve(request("Encrypt", "alias/orders", new Credentials.Tc3(SIGNED)), (kms, caller) -> {
            RequestNotes.keyResolved(KEY);
            throw disabled;
        });
        assertFalse(served.isServed());
        assertSame(disabled, served.refusal());
        assertSame(ADMIN, served.caller());
        assertEquals(new AuditEvent(7, "tencent", "AKIDadmin", "Encrypt", KEY.toString(), served.requestId(), "192.0.2.1",
                AuditOutcome.DENIED, "KEY_DISABLED"), onlyRecord());
    }

    @Test
    void aRefusedAuthenticationRunsNothingAndIsRecordedForWhomItClaimed() {
        SignedApiRequest bad = new SignedApiRequest("TC3-HMAC-SHA256 bad", "1", "POST", "", Map.of(), "00");
        Served<String> served = gate.serve(request("Encrypt", "k", new Credentials.Tc3(bad)), (kms, caller) -> {
            throw new AssertionError("must not run");
        });
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_MISMATCH, served.refusal().code());
        assertNull(served.caller());
        AuditEvent record = onlyRecord();
        assertEquals(7, record.tenantId());
        assertEquals("AKIDadmin", record.principal());
        assertEquals(AuditOutcome.DENIED, record.outcome());
    }

    @Test
    void anUnexpectedFailureBecomesAnInternalRefusalNamingOnlyTheRequestId() {
        Served<String> served = gate.serve(request("Encrypt", null, new Credentials.Tc3(SIGNED)), (kms, caller) -> {
            throw new IllegalStateException("secret internals");
        });
        assertEquals(KmsErrorCode.INTERNAL, served.refusal().code());
        assertEquals("Internal error; quote RequestId " + served.requestId() + " to the operator", served.refusal().getMessage());
        assertEquals(0, served.refusal().getStackTrace().length, "no stack trace to render");
        assertEquals(AuditOutcome.FAILED, onlyRecord().outcome());
        assertEquals("INTERNAL", onlyRecord().errorCode());
    }

    @Test
    void anUnexpectedFailureIsLoggedWithoutTheControlCharactersOfItsAction() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RequestGateBean.class.getName());
        logger.addHandler(capture);
        try {
            gate.serve(request("Encrypt\n2026-12-03 INFO forged line\u001b[2J", null, new Credentials.Tc3(SIGNED)),
                    (kms, caller) -> {
                        throw new IllegalStateException("unexpected");
                    });
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).contains("Encrypt?2026-12-03 INFO forged line?[2J"), logged.get(0));
        assertTrue(logged.get(0).chars().noneMatch(Character::isISOControl), logged.get(0));
    }

    @Test
    void ifTheRecordCannotBeWrittenTheValueIsWithheld() {
        auditFails.set(true);
        Served<String> served = gate.serve(request("GenerateDataKey", null, new Credentials.Tc3(SIGNED)), (kms, caller) -> "data key");
        assertFalse(served.isServed());
        assertNull(served.value());
        assertEquals(KmsErrorCode.INTERNAL, served.refusal().code());
        Served<Void> refused = gate.refuse(request("Encrypt", null, new Credentials.None()),
                new KmsException(KmsErrorCode.MALFORMED_REQUEST, "no"));
        assertEquals(KmsErrorCode.INTERNAL, refused.refusal().code());
    }

    @Test
    void aDisabledCredentialsTokenDiesAtItsNextUse() {
        Served<String> issued = gate.serve(new Request(Door.REST, "CreateToken", null, null,
                new Credentials.SecretKeyPair("AKIDadmin", "right")), (kms, caller) -> kms.bearerTokens().issue(caller));
        String token = issued.value();
        assertTrue(gate.serve(new Request(Door.REST, "ListKeys", null, null, new Credentials.BearerToken(token)),
                (kms, caller) -> caller).isServed());
        disabledCredentials.add("AKIDadmin");
        Served<Caller> refused = gate.serve(new Request(Door.REST, "ListKeys", null, null, new Credentials.BearerToken(token)),
                (kms, caller) -> caller);
        assertEquals(KmsErrorCode.AUTH_UNKNOWN_SECRET_ID, refused.refusal().code());
        assertEquals("AKIDadmin", records.get(2).principal(), "recorded in the credential's tenant");
        disabledCredentials.clear();
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, gate.serve(new Request(Door.REST, "ListKeys", null, null,
                new Credentials.BearerToken(token)), (kms, caller) -> caller).refusal().code(), "a re-enabled credential needs a new token");
    }

    @Test
    void anAnonymousRequestIsRecordedInThePlatformChainAndReachesNoService() {
        Served<String> served = gate.serve(new Request(Door.REST, "GetOpenApi", null, "192.0.2.1", new Credentials.None()),
                (kms, caller) -> caller == null ? "document" : "?");
        assertEquals("document", served.value());
        assertEquals(new AuditEvent(AuditEvent.PLATFORM_TENANT, "rest", AuditEvent.ANONYMOUS, "GetOpenApi", null,
                served.requestId(), "192.0.2.1", AuditOutcome.ALLOWED, null), onlyRecord());
        Served<Object> sneaky = gate.serve(new Request(Door.REST, "ListKeys", null, null, new Credentials.None()),
                (kms, caller) -> kms.keys());
        assertEquals(KmsErrorCode.UNAUTHORIZED, sneaky.refusal().code());
    }

    @Test
    void aConsoleSessionIsTakenAsItIsAndALoginIsRecordedAsTheLogin() {
        Served<Caller> session = gate.serve(new Request(Door.CONSOLE, "DescribeKey", "k", null, new Credentials.ConsoleSession(ALICE)),
                (kms, caller) -> caller);
        assertSame(ALICE, session.value());
        Served<Caller> login = gate.serve(new Request(Door.CONSOLE, "ConsoleLogin", null, null,
                new Credentials.ConsoleLogin("mallory", new char[]{'x'})), (kms, caller) -> caller);
        assertEquals(KmsErrorCode.AUTH_LOGIN_FAILED, login.refusal().code());
        assertEquals("Internal error; quote request id x to the operator",
                RequestGateBean.internal(Door.CONSOLE, "x").getMessage());
        assertEquals(AuditEvent.PLATFORM_TENANT, records.get(1).tenantId(), "an unknown user belongs to no tenant");
    }

    @Test
    void aRefusalMadeByTheDoorIsRecordedAsItIs() {
        KmsException reason = new KmsException(KmsErrorCode.MALFORMED_REQUEST, "The request cannot be served (HTTP 404)");
        Served<Void> refused = gate.refuse(new Request(Door.REST, "GET /api/v1/nowhere", null, "192.0.2.1",
                new Credentials.None()), reason);
        assertSame(reason, refused.refusal());
        assertEquals(new AuditEvent(AuditEvent.PLATFORM_TENANT, "rest", AuditEvent.ANONYMOUS, "GET /api/v1/nowhere", null,
                refused.requestId(), "192.0.2.1", AuditOutcome.DENIED, "MALFORMED_REQUEST"), onlyRecord());
        gate.refuse(new Request(Door.CONSOLE, "x", null, null, new Credentials.ConsoleSession(ALICE)), reason);
        assertEquals("alice", records.get(1).principal(), "a console session names its caller");
        assertThrows(KmsException.class, refused::valueOrThrow);
    }

    @Test
    void theNoteIsClosedWhateverHappened() {
        gate.serve(request("Encrypt", null, new Credentials.Tc3(SIGNED)), (kms, caller) -> {
            RequestNotes.keyResolved(KEY);
            throw new IllegalStateException("boom");
        });
        RequestNotes.keyResolved(KEY);
        RequestNotes.open();
        assertNull(RequestNotes.close());
    }
}
