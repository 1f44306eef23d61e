package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeysRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.selfkms.it.ServerNode.PostgresDatabase;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * "A disabled or deleted credential stops working at once, on every node": two nodes of a cluster
 * (standalone-ha.xml, JGroups over TCP with TCPPING) on one PostgreSQL database and one token. A change made on
 * node A is refused by node B with B's very next request, though B had the old state cached: a credential
 * disabled, enabled and deleted; a key disabled; a key's policy set and removed; a tenant suspended. And both nodes write audit records for the
 * same tenant at the same time, each into its own segment, without ever waiting for the other, and the tenant's
 * trail verifies.
 *
 * <p>Runs in CI's PostgreSQL pass only (tag {@code cluster}): H2 is a file of one server. The nodes share the
 * provisioned server's installation, each with a base directory of its own (configuration, deployments, data),
 * a fresh database on the same PostgreSQL, and one software-token directory - for this test only; a production
 * cluster shares a PKCS#11 HSM (docs/operations.md, "Running a cluster").
 */
@Tag("cluster")
class ClusterIT {

    private static final String PASSWORD = "cluster-tenant-admin-1";
    private static Path root;
    private static PostgresDatabase database;
    private static ServerNode a;
    private static ServerNode b;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String adminUrl = System.getenv("KMS_DB_URL");
        assumeTrue(adminUrl != null && adminUrl.startsWith("jdbc:postgresql://"),
                "a cluster needs a shared PostgreSQL (KMS_DB_URL): CI's PostgreSQL pass runs this test");
        database = PostgresDatabase.fresh(adminUrl, "kms_cluster_it_" + ProcessHandle.current().pid());
        root = ServerNode.freshRoot("cluster");
        int offsetA = Integer.getInteger("kms.it.cluster.offset.a", 200);
        int offsetB = Integer.getInteger("kms.it.cluster.offset.b", 300);
        a = ServerNode.create(root, "node-a", offsetA);
        b = ServerNode.create(root, "node-b", offsetB);
        // one after the other; ClusterFirstStartIT starts two nodes at once
        a.startClustered(database, root.resolve("token"), a, b);
        b.startClustered(database, root.resolve("token"), a, b);
        browser = ConsoleBrowser.start(a.url());
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (browser != null) {
            browser.close();
        }
        for (ServerNode node : new ServerNode[]{b, a}) {
            if (node != null) {
                node.stop();
            }
        }
        if (database != null) {
            database.drop();
        }
    }

    @BeforeEach
    @AfterEach
    void loggedOut() {
        if (browser.isPresent(By.id("logout-button"))) {
            AccessPage.logOut(browser);
        }
    }

    @Test
    void aCredentialDisabledOrDeletedOnAIsRefusedByBAtOnce() throws Exception {
        String user = DeployedKms.uniqueAlias("cluster-user");
        AccessPage.open(browser, DeployedKms.adminUsername(), DeployedKms.adminPassword());
        AccessPage.addUser(browser, user, "KEY_USER", PASSWORD);
        String[] credential = AccessPage.newCredential(browser, user);
        KmsClient onB = b.kms(credential[0], credential[1]);
        assertNotNull(onB.ListKeys(new ListKeysRequest()).getTotalCount(), "works on B, and B has it cached now");

        // each click returns once node A has answered: the change has committed
        browser.click(By.id("disable-credential-" + credential[0]));
        browser.confirm();
        browser.waitUntil("the credential disabled", () -> browser.isPresent(By.id("enable-credential-" + credential[0])));
        SdkKeyTest.assertCode("AuthFailure.SignatureFailure", () -> onB.ListKeys(new ListKeysRequest()));

        browser.click(By.id("enable-credential-" + credential[0]));
        browser.waitUntil("the credential enabled", () -> browser.isPresent(By.id("disable-credential-" + credential[0])));
        assertNotNull(onB.ListKeys(new ListKeysRequest()).getTotalCount(), "enabled again on A: B takes it at once too");

        browser.click(By.id("delete-credential-" + credential[0]));
        browser.confirm();
        SdkKeyTest.assertCode("AuthFailure.SignatureFailure", () -> onB.ListKeys(new ListKeysRequest()));
    }

    @Test
    void aKeyDisabledOnAIsRefusedByBsEncryptAtOnce() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(DeployedKms.uniqueAlias("cluster-key"));
        String keyId = a.kms().CreateKey(create).getKeyId();
        KmsClient onB = b.kms();
        assertNotNull(onB.Encrypt(encrypt(keyId)).getCiphertextBlob(), "B encrypts, and has the key cached now");

        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        a.kms().DisableKey(disable);
        SdkKeyTest.assertCode("ResourceUnavailable.CmkDisabled", () -> onB.Encrypt(encrypt(keyId)));

        EnableKeyRequest enable = new EnableKeyRequest();
        enable.setKeyId(keyId);
        a.kms().EnableKey(enable);
        assertNotNull(onB.Encrypt(encrypt(keyId)).getCiphertextBlob(), "enabled on A: B encrypts again at once");
    }

    @Test
    void aKeyPolicySetOnAHoldsOnBAtOnce() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(DeployedKms.uniqueAlias("cluster-policy"));
        String keyId = a.kms().CreateKey(create).getKeyId();
        KmsClient onB = b.kms();
        assertNotNull(onB.Encrypt(encrypt(keyId)).getCiphertextBlob(), "B encrypts, and has the key cached now");

        HttpResponse<String> put = rest(a, "PUT", "/keys/" + keyId + "/policy", "{\"statements\":["
                + "{\"effect\":\"ALLOW\",\"principals\":[\"*\"],\"operations\":[\"*\"]},"
                + "{\"effect\":\"DENY\",\"principals\":[\"role:TENANT_ADMIN\"],\"operations\":[\"ENCRYPT\"]}]}");
        assertEquals(200, put.statusCode(), put.body());
        SdkKeyTest.assertCode("UnauthorizedOperation", () -> onB.Encrypt(encrypt(keyId)));

        assertEquals(204, rest(a, "DELETE", "/keys/" + keyId + "/policy", null).statusCode());
        assertNotNull(onB.Encrypt(encrypt(keyId)).getCiphertextBlob(), "removed on A: B encrypts again at once");
    }

    /** A REST call to a node, as the installation's administrator (a bearer token of that node). */
    private static HttpResponse<String> rest(ServerNode node, String method, String path, String body) throws Exception {
        return node.rest(node.restToken(DeployedKms.secretId(), DeployedKms.secretKey()), method, path, body);
    }

    @Test
    void aTenantSuspendedOnAIsRefusedOnB() throws Exception {
        String tenantAdmin = DeployedKms.uniqueAlias("cluster-admin");
        OperatorPage.open(browser);
        long accountUin = OperatorPage.createTenant(browser, DeployedKms.uniqueAlias("cluster-tenant"), tenantAdmin, PASSWORD);
        AccessPage.logOut(browser);
        AccessPage.open(browser, tenantAdmin, PASSWORD);
        String[] credential = AccessPage.newCredential(browser, tenantAdmin);
        AccessPage.logOut(browser);
        KmsClient onB = b.kms(credential[0], credential[1]);
        assertEquals(0L, onB.ListKeys(new ListKeysRequest()).getTotalCount(), "B serves the new tenant");

        OperatorPage.setSuspended(browser, accountUin, true);
        SdkKeyTest.assertCode("AuthFailure.UnauthorizedOperation", () -> onB.ListKeys(new ListKeysRequest()));
        OperatorPage.setSuspended(browser, accountUin, false);
        assertEquals(0L, onB.ListKeys(new ListKeysRequest()).getTotalCount(), "resumed on A: B serves it again");
    }

    /**
     * Both nodes' writers append to the first tenant's chain at the same time; every request is answered (a
     * collision would fail it: no answer without its audit record) and the chain verifies, read on B.
     */
    @Test
    void bothNodesAuditOneTenantIntoOneChainThatVerifies() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(DeployedKms.uniqueAlias("cluster-audit"));
        String keyId = a.kms().CreateKey(create).getKeyId();
        ExecutorService requests = Executors.newFixedThreadPool(8);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            KmsClient node = (i % 2 == 0 ? a : b).kms();
            answers.add(requests.submit(() -> node.Encrypt(encrypt(keyId)).getCiphertextBlob()));
        }
        for (Future<String> answer : answers) {
            assertNotNull(answer.get());
        }
        requests.shutdown();

        try (ConsoleBrowser onB = ConsoleBrowser.start(b.url())) {
            onB.openConsoleAndExpectLogin();
            onB.logIn(DeployedKms.adminUsername(), DeployedKms.adminPassword());
            onB.waitUntil("the layout after login", () -> onB.isPresent(By.id("nav-audit")));
            onB.click(By.id("nav-audit"));
            onB.waitUntil("the audit view", () -> onB.isPresent(By.id("audit-grid")));
            onB.click(By.id("verify-chain-button"));
            onB.waitUntil("the verification result", () -> !onB.text("verify-chain-result").isBlank());
            assertTrue(onB.text("verify-chain-result").startsWith("Intact"), onB.text("verify-chain-result"));
        }
    }

    /**
     * The two nodes' writers never wait for each other: while node A's audit commit is held up - another transaction
     * holds the row of A's segment that every commit of A moves, as a slow or stuck commit of A would - node B goes on
     * answering requests of the same tenant, each recorded in B's own segment; A's request is answered once the row is
     * free again.
     */
    @Test
    void nodeBNeverWaitsForACommitOfNodeA() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(DeployedKms.uniqueAlias("cluster-wait"));
        String keyId = a.kms().CreateKey(create).getKeyId();
        assertNotNull(b.kms().Encrypt(encrypt(keyId)).getCiphertextBlob(), "B has its own segment of the tenant");
        try (Connection db = database.connect()) {
            long segmentOfA;
            try (Statement query = db.createStatement(); var rows = query.executeQuery("SELECT segment_id FROM kms_audit_segment "
                    + "WHERE writer = 'node-a' AND tenant_id = (SELECT tenant_id FROM kms_cmk WHERE id = '" + keyId + "') "
                    + "ORDER BY opened_at DESC")) {
                assertTrue(rows.next(), "A wrote the CreateKey record into a segment of its own");
                segmentOfA = rows.getLong(1);
            }
            db.setAutoCommit(false);
            try (Statement lock = db.createStatement()) {
                lock.executeQuery("SELECT * FROM kms_audit_segment WHERE segment_id = " + segmentOfA + " FOR UPDATE").close();
            }
            ExecutorService onA = Executors.newSingleThreadExecutor();
            Future<String> heldUp = onA.submit(() -> a.kms().Encrypt(encrypt(keyId)).getCiphertextBlob());
            Thread.sleep(500);
            assertTrue(!heldUp.isDone(), "A's answer waits for its audit commit");
            // Had B to wait for A's segment, its requests would run into the audit's 5 s limit and fail.
            KmsClient onB = b.kms();
            for (int i = 0; i < 20; i++) {
                assertNotNull(onB.Encrypt(encrypt(keyId)).getCiphertextBlob(), "B answers audited requests of the tenant");
            }
            assertTrue(!heldUp.isDone(), "A was still held up while B answered");
            db.rollback();
            assertNotNull(heldUp.get(), "A answers once its commit goes through");
            onA.shutdown();
        }
    }

    private static EncryptRequest encrypt(String keyId) {
        EncryptRequest request = new EncryptRequest();
        request.setKeyId(keyId);
        request.setPlaintext("aGVsbG8gY2x1c3Rlcg==");
        return request;
    }
}
