package org.selfkms.api.key;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Role;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyPolicyTest {

    private static final Caller ALICE_CONSOLE = new Caller(1, 100, "alice", Caller.Kind.CONSOLE_USER, null, Role.KEY_USER);
    private static final Caller ALICE_APP = new Caller(1, 100, "AKIDalice1", Caller.Kind.API_CREDENTIAL, null, Role.KEY_USER, "alice");
    private static final Caller BOB_APP = new Caller(1, 100, "AKIDbob1", Caller.Kind.API_CREDENTIAL, null, Role.KEY_USER, "bob");
    private static final Caller COS = new Caller(1, 100, "AKIDcos1", Caller.Kind.API_CREDENTIAL, "cos", Role.SERVICE, null);

    @Test
    void noStatementsLeaveEverythingToTheRole() {
        assertSame(KeyPolicy.NONE, KeyPolicy.parse(""));
        assertTrue(KeyPolicy.NONE.permits(KeyPolicy.principalsOf(BOB_APP), KeyOperation.DECRYPT));
        assertTrue(KeyPolicy.parse("{\"statements\":[]}").isEmpty());
    }

    @Test
    void aUserStatementCoversTheUsersCredentialsAndOnlyTheNamedOperations() {
        KeyPolicy policy = KeyPolicy.parse("{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[\"user:alice\"],"
                + "\"operations\":[\"ENCRYPT\",\"DESCRIBE\"]}]}");
        assertTrue(policy.permits(KeyPolicy.principalsOf(ALICE_CONSOLE), KeyOperation.ENCRYPT));
        assertTrue(policy.permits(KeyPolicy.principalsOf(ALICE_APP), KeyOperation.ENCRYPT));
        assertFalse(policy.permits(KeyPolicy.principalsOf(ALICE_APP), KeyOperation.DECRYPT), "not named: refused");
        assertFalse(policy.permits(KeyPolicy.principalsOf(BOB_APP), KeyOperation.ENCRYPT), "not named: refused");
        assertFalse(policy.permits(KeyPolicy.principalsOf(COS), KeyOperation.ENCRYPT));
    }

    @Test
    void aDenyWinsOverEveryAllow() {
        KeyPolicy policy = KeyPolicy.parse("{\"statements\":["
                + "{\"effect\":\"ALLOW\",\"principals\":[\"*\"],\"operations\":[\"*\"]},"
                + "{\"effect\":\"DENY\",\"principals\":[\"credential:AKIDalice1\"],\"operations\":[\"DECRYPT\"]}]}");
        assertFalse(policy.permits(KeyPolicy.principalsOf(ALICE_APP), KeyOperation.DECRYPT));
        assertTrue(policy.permits(KeyPolicy.principalsOf(ALICE_APP), KeyOperation.ENCRYPT));
        assertTrue(policy.permits(KeyPolicy.principalsOf(ALICE_CONSOLE), KeyOperation.DECRYPT), "another principal of alice");
        assertTrue(policy.permits(KeyPolicy.principalsOf(COS), KeyOperation.DECRYPT));
    }

    @Test
    void rolesAndServicesAreNamedToo() {
        KeyPolicy policy = KeyPolicy.parse("{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[\"service:cos\",\"role:AUDITOR\"],"
                + "\"operations\":[\"GENERATE_DATA_KEY\"]}]}");
        assertTrue(policy.permits(KeyPolicy.principalsOf(COS), KeyOperation.GENERATE_DATA_KEY));
        assertFalse(policy.permits(KeyPolicy.principalsOf(ALICE_APP), KeyOperation.GENERATE_DATA_KEY));
        assertEquals(Set.of("service:cos"), policy.namedIdentities(), "roles are not identities to look up");
    }

    @Test
    void theJsonFormReadsBackAsTheSamePolicy() {
        KeyPolicy policy = KeyPolicy.parse("{\"statements\":[{\"effect\":\"DENY\",\"principals\":[\"user:zed\",\"user:amy\"],"
                + "\"operations\":[\"*\"]}]}");
        String json = policy.toJson().toString();
        assertEquals("{\"statements\":[{\"effect\":\"DENY\",\"principals\":[\"user:amy\",\"user:zed\"],\"operations\":"
                + "[\"DESCRIBE\",\"ENCRYPT\",\"DECRYPT\",\"GENERATE_DATA_KEY\",\"SIGN\",\"VERIFY\"]}]}", json);
        assertEquals(policy, KeyPolicy.parse(json));
    }

    @Test
    void badPoliciesAreRefusedSayingWhy() {
        assertRefused("{\"statements\":{}}", "needs 'statements'");
        assertRefused("{\"statements\":[],\"x\":1}", "only 'statements'");
        assertRefused("{\"statements\":[{\"effect\":\"MAYBE\",\"principals\":[\"*\"],\"operations\":[\"*\"]}]}", "neither ALLOW nor DENY");
        assertRefused("{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[],\"operations\":[\"*\"]}]}", "1 to 20 principals");
        assertRefused("{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[\"bob\"],\"operations\":[\"*\"]}]}", "is none of");
        assertRefused("{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[\"role:PLATFORM_OPERATOR\"],\"operations\":[\"*\"]}]}",
                "Unknown role");
        assertRefused("{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[\"*\"],\"operations\":[\"DELETE\"]}]}", "Unknown operation");
        assertRefused("{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[\"*\"],\"operations\":[]}]}", "at least one operation");
        assertRefused("{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[\"*\"],\"operations\":[\"*\"],\"when\":1}]}", "not 'when'");
        assertRefused("{\"statements\":[1]}", "is a JSON object");
        assertRefused("{\"statements\":[]} trailing", "not valid JSON");
        String eleven = "{\"statements\":[" + "{\"effect\":\"ALLOW\",\"principals\":[\"*\"],\"operations\":[\"*\"]},".repeat(10)
                + "{\"effect\":\"ALLOW\",\"principals\":[\"*\"],\"operations\":[\"*\"]}]}";
        assertRefused(eleven, "at most 10 statements");
    }

    private static void assertRefused(String json, String reason) {
        KmsException refused = assertThrows(KmsException.class, () -> KeyPolicy.parse(json), json);
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, refused.code());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
