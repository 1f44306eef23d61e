package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.models.ArchiveKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyResponse;
import com.tencentcloudapi.kms.v20190118.models.DeleteImportedKeyMaterialRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableKeyRotationRequest;
import com.tencentcloudapi.kms.v20190118.models.GetParametersForImportRequest;
import com.tencentcloudapi.kms.v20190118.models.GetParametersForImportResponse;
import com.tencentcloudapi.kms.v20190118.models.ImportKeyMaterialRequest;
import com.tencentcloudapi.kms.v20190118.models.KeyMetadata;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bring your own key through the official SDK, with material wrapped by the JDK's own RSA ciphers
 * under the public key the server returns - what a customer's tooling does.
 */
class ByokIT extends SdkKeyTest {

    /** To look at what the database keeps and at the audit trail. */
    @Deployment(name = "sql", order = 2, testable = false)
    public static WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    private static final List<String> ALGORITHMS = List.of("RSAES_PKCS1_V1_5", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
    private static final String STATE = "ResourceUnavailable.CmkStateNotSupport";
    private static final SecureRandom RANDOM = new SecureRandom();

    @AfterEach
    void realTime() throws Exception {
        ServerClock.reset();
    }

    private static String externalKey(String prefix) throws TencentCloudSDKException {
        CreateKeyRequest request = new CreateKeyRequest();
        request.setAlias(uniqueAlias(prefix));
        request.setType(2L);
        CreateKeyResponse created = kms.CreateKey(request);
        assertEquals("PendingImport", created.getKeyState());
        return created.getKeyId();
    }

    private static GetParametersForImportResponse parameters(String keyId, String algorithm) throws TencentCloudSDKException {
        GetParametersForImportRequest request = new GetParametersForImportRequest();
        request.setKeyId(keyId);
        request.setWrappingAlgorithm(algorithm);
        request.setWrappingKeySpec("RSA_2048");
        return kms.GetParametersForImport(request);
    }

    /** The JDK's RSA encryption with the padding the algorithm names, under the server's public key. */
    private static String wrap(GetParametersForImportResponse parameters, String algorithm, byte[] material) throws Exception {
        return Base64.getEncoder().encodeToString(wrap(Base64.getDecoder().decode(parameters.getPublicKey()), algorithm, material));
    }

    /** As a customer wraps material outside the KMS, under the DER public key GetParametersForImport gave. */
    static byte[] wrap(byte[] publicKeyDer, String algorithm, byte[] material) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKeyDer));
        Cipher cipher = switch (algorithm) {
            case "RSAES_PKCS1_V1_5" -> Cipher.getInstance("RSA/ECB/PKCS1Padding");
            case "RSAES_OAEP_SHA_1" -> Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            default -> Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        };
        if (algorithm.equals("RSAES_OAEP_SHA_256")) {
            // the JDK's default for this transformation is MGF1 with SHA-1: say SHA-256 throughout, as OpenSSL does
            cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        } else {
            cipher.init(Cipher.ENCRYPT_MODE, key);
        }
        return cipher.doFinal(material);
    }

    private static void importMaterial(String keyId, String token, String encrypted, Long validTo) throws TencentCloudSDKException {
        ImportKeyMaterialRequest request = new ImportKeyMaterialRequest();
        request.setKeyId(keyId);
        request.setImportToken(token);
        request.setEncryptedKeyMaterial(encrypted);
        request.setValidTo(validTo);
        kms.ImportKeyMaterial(request);
    }

    /** GetParametersForImport, wrap, ImportKeyMaterial: the whole round a customer makes. */
    static void importMaterial(String keyId, byte[] material, String algorithm, Long validTo) throws Exception {
        GetParametersForImportResponse parameters = parameters(keyId, algorithm);
        importMaterial(keyId, parameters.getImportToken(), wrap(parameters, algorithm, material), validTo);
    }

    private static void deleteMaterial(String keyId) throws TencentCloudSDKException {
        DeleteImportedKeyMaterialRequest request = new DeleteImportedKeyMaterialRequest();
        request.setKeyId(keyId);
        kms.DeleteImportedKeyMaterial(request);
    }

    private static byte[] material() {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return material;
    }

    private static long serverNow() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void anExternalKeyWaitsForItsMaterialAndReportsItsOrigin() throws Exception {
        String keyId = externalKey("byok-new");
        KeyMetadata key = describe(keyId);
        assertEquals("PendingImport", key.getKeyState());
        assertEquals("EXTERNAL", key.getOrigin());
        assertEquals(0L, key.getValidTo());
        assertCode(STATE, () -> encrypt(keyId));
        assertCode(STATE, () -> enable(keyId));
        assertCode(STATE, () -> disable(keyId));
        ArchiveKeyRequest archive = new ArchiveKeyRequest();
        archive.setKeyId(keyId);
        assertCode(STATE, () -> kms.ArchiveKey(archive));
        EnableKeyRotationRequest rotation = new EnableKeyRotationRequest();
        rotation.setKeyId(keyId);
        assertCode("UnsupportedOperation.ExternalCmkCanNotRotate", () -> kms.EnableKeyRotation(rotation));
        assertEquals("PendingImport", state(keyId));
    }

    @Test
    void materialWrappedByTheJdkImportsWithEachAlgorithm() throws Exception {
        for (String algorithm : ALGORITHMS) {
            String keyId = externalKey("byok-" + algorithm.toLowerCase().replace('_', '-'));
            GetParametersForImportResponse parameters = parameters(keyId, algorithm);
            assertEquals(keyId, parameters.getKeyId());
            assertTrue(parameters.getPublicKey().startsWith("MIIBIjAN"), "an RSA-2048 SubjectPublicKeyInfo: " + algorithm);
            assertTrue(Math.abs(parameters.getParametersValidTo() - (serverNow() + 86_400)) < 120, "valid for 24 hours");
            importMaterial(keyId, parameters.getImportToken(), wrap(parameters, algorithm, material()), null);
            KeyMetadata key = describe(keyId);
            assertEquals("Enabled", key.getKeyState(), algorithm);
            assertEquals("EXTERNAL", key.getOrigin());
            assertEquals(0L, key.getValidTo(), "no ValidTo: never expires");
            assertEquals(PLAINTEXT, decrypt(encrypt(keyId)), algorithm);
        }
    }

    @Test
    void anImportTokenIsUsedOnce() throws Exception {
        String keyId = externalKey("byok-once");
        byte[] material = material();
        GetParametersForImportResponse parameters = parameters(keyId, "RSAES_OAEP_SHA_256");
        String wrapped = wrap(parameters, "RSAES_OAEP_SHA_256", material);
        importMaterial(keyId, parameters.getImportToken(), wrapped, null);
        assertCode("ResourceUnavailable.TokenExpired", () -> importMaterial(keyId, parameters.getImportToken(), wrapped, null));
        assertEquals("Enabled", state(keyId));
    }

    @Test
    void anExpiredImportTokenIsRefusedAndTheSweepRemovesItsWrappingKey() throws Exception {
        String keyId = externalKey("byok-expired");
        GetParametersForImportResponse parameters = parameters(keyId, "RSAES_OAEP_SHA_1");
        String wrapped = wrap(parameters, "RSAES_OAEP_SHA_1", material());
        ServerClock.shift(Duration.ofHours(25));
        assertCode("ResourceUnavailable.TokenExpired", () -> importMaterial(keyId, parameters.getImportToken(), wrapped, null));
        assertEquals("PendingImport", state(keyId));

        ServerClock.sweepNow();
        assertEquals("EXPIRED", ServerSql.run("SELECT token_state FROM kms_import_token WHERE cmk_id = '" + keyId + "'").trim());
        assertEquals("timer\tsystem\tExpireImportToken\tALLOWED", ServerSql.auditOf(keyId, "ExpireImportToken"));
        ServerClock.reset();
        assertCode("ResourceUnavailable.TokenExpired", () -> importMaterial(keyId, parameters.getImportToken(), wrapped, null));
    }

    @Test
    void reImportAcceptsOnlyTheSameMaterial() throws Exception {
        String keyId = externalKey("byok-same");
        byte[] material = material();
        importMaterial(keyId, material, "RSAES_OAEP_SHA_256", null);
        String blob = encrypt(keyId);

        GetParametersForImportResponse parameters = parameters(keyId, "RSAES_PKCS1_V1_5");
        assertCode("InvalidParameterValue.MaterialNotMatch", () ->
                importMaterial(keyId, parameters.getImportToken(), wrap(parameters, "RSAES_PKCS1_V1_5", material()), null));
        assertEquals("Enabled", state(keyId));
        assertEquals(PLAINTEXT, decrypt(blob), "the material was not swapped");

        // the refused attempt did not use the token up; the same material sets a new expiry
        long validTo = serverNow() + 30 * 86_400;
        importMaterial(keyId, parameters.getImportToken(), wrap(parameters, "RSAES_PKCS1_V1_5", material), validTo);
        assertEquals(validTo, describe(keyId).getValidTo());
        assertEquals(PLAINTEXT, decrypt(blob));
    }

    @Test
    void deletedMaterialComesBackOnlyAsItWas() throws Exception {
        String keyId = externalKey("byok-delete");
        byte[] material = material();
        importMaterial(keyId, material, "RSAES_OAEP_SHA_1", null);
        String blob = encrypt(keyId);

        deleteMaterial(keyId);
        assertEquals("PendingImport", state(keyId));
        assertCode(STATE, () -> decrypt(blob));
        assertCode(STATE, () -> encrypt(keyId));
        deleteMaterial(keyId); // nothing left to delete: no change, no error

        assertCode("InvalidParameterValue.MaterialNotMatch", () -> importMaterial(keyId, material(), "RSAES_OAEP_SHA_256", null));
        assertEquals("PendingImport", state(keyId));
        importMaterial(keyId, material, "RSAES_OAEP_SHA_256", null);
        assertEquals("Enabled", state(keyId));
        assertEquals(PLAINTEXT, decrypt(blob), "ciphertexts made before the deletion decrypt again");
    }

    @Test
    void materialExpiresAtItsValidToThroughTheTimer() throws Exception {
        String keyId = externalKey("byok-validto");
        byte[] material = material();
        long validTo = serverNow() + 2 * 86_400;
        importMaterial(keyId, material, "RSAES_OAEP_SHA_256", validTo);
        assertEquals(validTo, describe(keyId).getValidTo());
        String blob = encrypt(keyId);

        ServerClock.shift(Duration.ofDays(1));
        ServerClock.sweepNow();
        assertEquals("Enabled", state(keyId), "one day before ValidTo nothing happens");

        ServerClock.shift(Duration.ofDays(3));
        ServerClock.sweepNow();
        KeyMetadata expired = describe(keyId);
        assertEquals("PendingImport", expired.getKeyState());
        assertEquals(0L, expired.getValidTo());
        assertCode(STATE, () -> decrypt(blob));
        assertEquals("timer\tsystem\tExpireImportedKeyMaterial\tALLOWED", ServerSql.auditOf(keyId, "ExpireImportedKeyMaterial"));

        importMaterial(keyId, material, "RSAES_PKCS1_V1_5", null);
        assertEquals(PLAINTEXT, decrypt(blob), "the same material brings the key back");
    }

    /**
     * A key without material never comes back from a cancelled deletion as Disabled (EnableKey would then give
     * an Enabled key with nothing to encrypt with); a Disabled key takes no material but can lose it.
     */
    @Test
    void deletionAndDisablingKeepAKeyWithoutMaterialWaitingForIt() throws Exception {
        String waiting = externalKey("byok-cancel");
        schedule(waiting, 7);
        assertEquals("PendingDelete", state(waiting));
        cancelDeletion(waiting);
        assertEquals("PendingImport", state(waiting));

        String keyId = externalKey("byok-disabled");
        byte[] material = material();
        importMaterial(keyId, material, "RSAES_OAEP_SHA_256", null);
        String blob = encrypt(keyId);
        disable(keyId);
        assertCode(STATE, () -> importMaterial(keyId, material, "RSAES_OAEP_SHA_256", null));
        assertEquals("Disabled", state(keyId));
        deleteMaterial(keyId);
        assertEquals("PendingImport", state(keyId));
        importMaterial(keyId, material, "RSAES_OAEP_SHA_1", null);
        assertEquals(PLAINTEXT, decrypt(blob));

        disable(keyId);
        schedule(keyId, 7);
        assertCode(STATE, () -> deleteMaterial(keyId));
        cancelDeletion(keyId);
        assertEquals("Disabled", state(keyId), "a key that still has its material comes back Disabled, as any key");
    }

    @Test
    void importActionsRefuseKeysWhoseMaterialTheKmsGenerated() throws Exception {
        String keyId = createKey(uniqueAlias("byok-native"));
        String blob = encrypt(keyId);
        assertCode("UnsupportedOperation.NotExternalCmk", () -> parameters(keyId, "RSAES_OAEP_SHA_256"));
        assertCode("UnsupportedOperation.NotExternalCmk", () -> importMaterial(keyId, "token", Base64.getEncoder().encodeToString(new byte[256]), null));
        assertCode("UnsupportedOperation.NotExternalCmk", () -> deleteMaterial(keyId));
        assertEquals("Enabled", state(keyId));
        assertEquals(PLAINTEXT, decrypt(blob));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        String keyId = externalKey("byok-bad");
        String otherKey = externalKey("byok-bad-other");
        assertCode("InvalidParameterValue", () -> parameters(keyId, "RSAES_OAEP_SHA_512"));
        GetParametersForImportRequest spec = new GetParametersForImportRequest();
        spec.setKeyId(keyId);
        spec.setWrappingAlgorithm("RSAES_OAEP_SHA_256");
        spec.setWrappingKeySpec("RSA_4096");
        assertCode("InvalidParameterValue", () -> kms.GetParametersForImport(spec));

        GetParametersForImportResponse parameters = parameters(keyId, "RSAES_OAEP_SHA_256");
        String token = parameters.getImportToken();
        byte[] material = material();
        String wrapped = wrap(parameters, "RSAES_OAEP_SHA_256", material);
        assertCode("InvalidParameter", () -> importMaterial(keyId, token, "not base64!", null));
        assertCode("InvalidParameter.DecryptMaterialError", () -> importMaterial(keyId, token, Base64.getEncoder().encodeToString(new byte[256]), null));
        assertCode("InvalidParameter.DecryptMaterialError", () -> importMaterial(keyId, token, Base64.getEncoder().encodeToString(new byte[16]), null));
        assertCode("InvalidParameter.DecryptMaterialError", () -> importMaterial(keyId, token, wrap(parameters, "RSAES_PKCS1_V1_5", material), null));
        assertCode("InvalidParameterValue", () -> importMaterial(keyId, token, wrap(parameters, "RSAES_OAEP_SHA_256", new byte[16]), null));
        assertCode("InvalidParameterValue", () -> importMaterial(keyId, token, wrapped, serverNow() - 60));
        assertCode("InvalidParameterValue", () -> importMaterial(keyId, token, wrapped, 2_147_443_201L));
        assertCode("InvalidParameter", () -> importMaterial(otherKey, token, wrapped, null));
        assertCode("InvalidParameter", () -> importMaterial(keyId, "never-issued", wrapped, null));
        assertCode("MissingParameter", () -> importMaterial(keyId, token, null, null));
        assertEquals("PendingImport", state(keyId));
        assertEquals("PendingImport", state(otherKey));

        importMaterial(keyId, token, wrapped, null);
        assertEquals("Enabled", state(keyId), "the token survived every refusal");
    }

    /** Each open token is a key pair in the token: a tenant cannot fill the HSM with them. */
    @Test
    void openImportTokensPerTenantAreLimited() throws Exception {
        String keyId = externalKey("byok-limit");
        String open = ServerSql.run("SELECT COUNT(*) FROM kms_import_token WHERE token_state = 'ISSUED' AND valid_to > "
                + serverNow() + " AND tenant_id = (SELECT tenant_id FROM kms_cmk WHERE id = '" + keyId + "')").trim();
        try {
            ServerClock.setProperty("kms.byok.max-open-import-tokens-per-tenant", String.valueOf(Long.parseLong(open) + 1));
            parameters(keyId, "RSAES_OAEP_SHA_256");
            assertCode("LimitExceeded", () -> parameters(keyId, "RSAES_OAEP_SHA_256"));
        } finally {
            ServerClock.setProperty("kms.byok.max-open-import-tokens-per-tenant", "100");
        }
        assertEquals("1", ServerSql.run("SELECT COUNT(*) FROM kms_import_token WHERE cmk_id = '" + keyId + "'").trim(),
                "the refused request left no token behind");
    }

    /** A database dump holds neither the import token nor anything computed from the material alone. */
    @Test
    void theDatabaseKeepsOnlyATokenHashAndAKeyedFingerprint() throws Exception {
        String keyId = externalKey("byok-db");
        byte[] material = material();
        GetParametersForImportResponse parameters = parameters(keyId, "RSAES_OAEP_SHA_256");
        importMaterial(keyId, parameters.getImportToken(), wrap(parameters, "RSAES_OAEP_SHA_256", material), null);
        String rows = ServerSql.run("SELECT * FROM kms_import_token WHERE cmk_id = '" + keyId + "'");
        assertFalse(rows.contains(parameters.getImportToken()));
        assertTrue(rows.contains("USED"));
        String fingerprint = ServerSql.run("SELECT material_fingerprint FROM kms_cmk WHERE id = '" + keyId + "'").trim();
        assertEquals(44, fingerprint.length(), "an HMAC-SHA256, Base64");
        String plainHash = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(material));
        assertFalse(fingerprint.equals(plainHash), "not a plain hash of the material");
        String versions = ServerSql.run("SELECT wrapped_material FROM kms_cmk_version WHERE cmk_id = '" + keyId + "'");
        assertFalse(versions.contains(Base64.getEncoder().encodeToString(material)));
    }
}
