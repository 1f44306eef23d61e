package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.ArchiveKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.BindCloudResourceRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DeleteImportedKeyMaterialRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.UnbindCloudResourceRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BindCloudResource and UnbindCloudResource through the official SDK: a key a product's resource uses stays usable
 * (FailedOperation.CmkUsedByCloudProduct) until every binding is gone, and the integrated services bind the keys
 * they use.
 */
class CloudResourceBindingIT extends SdkKeyTest {

    @Deployment(name = "sql", order = 2, testable = false)
    public static WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    private static final String IN_USE = "FailedOperation.CmkUsedByCloudProduct";

    @Test
    void aBoundKeyCannotBeDisabledArchivedOrDeletedUntilItIsUnbound() throws Exception {
        String keyId = createKey(uniqueAlias("bound"));
        bind(kms, keyId, "ssm", "secret/db-password");
        bind(kms, keyId, "ssm", "secret/db-password");
        bind(kms, keyId, "cvm", "ins-1");
        assertEquals("2", ServerSql.run("SELECT COUNT(*) FROM kms_cloud_binding WHERE cmk_id = '" + keyId + "'").trim(),
                "binding an existing pair again changes nothing");

        assertCode(IN_USE, () -> disable(keyId));
        assertCode(IN_USE, () -> archive(keyId));
        String unbound = createKey(uniqueAlias("unbound"));
        DisableKeysRequest both = new DisableKeysRequest();
        both.setKeyIds(new String[] {unbound, keyId});
        assertCode(IN_USE, () -> kms.DisableKeys(both));
        assertEquals("Enabled", state(unbound), "DisableKeys is all or nothing");
        assertEquals("Enabled", state(keyId), "the refusals changed nothing");
        assertTrue(encrypt(keyId).length() > 0);

        unbind(kms, keyId, "ssm", "secret/db-password");
        assertCode("ResourceUnavailable.CloudResourceBindingNotFound", () -> unbind(kms, keyId, "ssm", "secret/db-password"));
        assertCode(IN_USE, () -> disable(keyId));
        unbind(kms, keyId, "cvm", "ins-1");
        disable(keyId);
        assertEquals("Disabled", state(keyId));

        bind(kms, keyId, "cbs", "disk-1");
        assertCode(IN_USE, () -> schedule(keyId, 7));
        assertEquals("Disabled", state(keyId));
        disable(keyId);
        assertEquals("Disabled", state(keyId), "disabling a disabled bound key is no change, so it is not refused");
    }

    @Test
    void badBindingsAreRefusedAndChangeNothing() throws Exception {
        String keyId = createKey(uniqueAlias("bind-bad"));
        assertCode("MissingParameter", () -> bind(kms, keyId, "", "r"));
        assertCode("MissingParameter", () -> bind(kms, keyId, "ssm", null));
        assertCode("InvalidParameterValue", () -> bind(kms, keyId, "no spaces", "r"));
        assertCode("InvalidParameterValue", () -> bind(kms, keyId, "ssm", "x".repeat(257)));
        assertCode("ResourceUnavailable.CmkNotFound", () -> bind(kms, "00000000-0000-4000-8000-000000000000", "ssm", "r"));
        disable(keyId);
        assertEquals("Disabled", state(keyId), "none of the refused bindings was stored");
        schedule(keyId, 7);
        assertCode("ResourceUnavailable.CmkStateNotSupport", () -> bind(kms, keyId, "ssm", "r"));
    }

    @Test
    void bindingAnImportedKeyCancelsTheExpiryOfItsMaterialAndKeepsTheMaterial() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(uniqueAlias("bound-byok"));
        create.setType(2L);
        String keyId = kms.CreateKey(create).getKeyId();
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        ByokIT.importMaterial(keyId, material, "RSAES_OAEP_SHA_256", Instant.now().plusSeconds(86_400).getEpochSecond());
        assertTrue(describe(keyId).getValidTo() > 0);

        bind(kms, keyId, "ssm", "secret-1");
        assertEquals(0L, describe(keyId).getValidTo(), "a key a resource uses must not lapse");
        DeleteImportedKeyMaterialRequest delete = new DeleteImportedKeyMaterialRequest();
        delete.setKeyId(keyId);
        assertCode(IN_USE, () -> kms.DeleteImportedKeyMaterial(delete));
        assertEquals("Enabled", state(keyId));
        unbind(kms, keyId, "ssm", "secret-1");
        kms.DeleteImportedKeyMaterial(delete);
        assertEquals("PendingImport", state(keyId));
    }

    @Test
    void aServiceBindsTheKeysItUsesButNotAnotherServicesKey() throws Exception {
        KmsClient cos = ServicePrincipals.client("cos");
        KmsClient cdb = ServicePrincipals.client("cdb");
        String customerKey = createKey(uniqueAlias("bound-by-cos"));
        bind(cos, customerKey, "cos", "bucket-1");
        assertEquals("cos\tbucket-1", ServerSql.run("SELECT product_id, resource_id FROM kms_cloud_binding WHERE cmk_id = '"
                + customerKey + "'").trim());
        assertCode(IN_USE, () -> disable(customerKey));
        unbind(cos, customerKey, "cos", "bucket-1");

        GenerateDataKeyRequest first = new GenerateDataKeyRequest();
        first.setKeyId("kms-cdb");
        first.setKeySpec("AES_256");
        String cdbKey = cdb.GenerateDataKey(first).getKeyId();
        bind(cdb, cdbKey, "cdb", "instance-1");
        TencentCloudSDKException refused = org.junit.jupiter.api.Assertions.assertThrows(TencentCloudSDKException.class,
                () -> bind(cos, cdbKey, "cos", "bucket-2"));
        assertEquals("UnauthorizedOperation", refused.getErrorCode());
        unbind(cdb, cdbKey, "cdb", "instance-1");
    }

    private static void archive(String keyId) throws TencentCloudSDKException {
        ArchiveKeyRequest request = new ArchiveKeyRequest();
        request.setKeyId(keyId);
        kms.ArchiveKey(request);
    }

    static void bind(KmsClient client, String keyId, String product, String resource) throws TencentCloudSDKException {
        BindCloudResourceRequest request = new BindCloudResourceRequest();
        request.setKeyId(keyId);
        request.setProductId(product);
        request.setResourceId(resource);
        client.BindCloudResource(request);
    }

    static void unbind(KmsClient client, String keyId, String product, String resource) throws TencentCloudSDKException {
        UnbindCloudResourceRequest request = new UnbindCloudResourceRequest();
        request.setKeyId(keyId);
        request.setProductId(product);
        request.setResourceId(resource);
        client.UnbindCloudResource(request);
    }
}
