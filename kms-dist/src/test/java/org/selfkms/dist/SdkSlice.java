package org.selfkms.dist;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyResponse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first slice of the Tencent API through the official Java SDK - CreateKey, Encrypt, Decrypt, GenerateDataKey -
 * as the API credential that an installation's first start wrote into its data directory.
 */
final class SdkSlice {

    static final String CONTEXT = "{\"table\":\"orders\"}";

    final String secretId;
    final String secretKey;

    private SdkSlice(String secretId, String secretKey) {
        this.secretId = secretId;
        this.secretKey = secretKey;
    }

    /** The credential in {@code bootstrap-credentials.txt}, which must be readable by the server's user only. */
    static SdkSlice ofFirstStart(Installation installation) throws Exception {
        Path credentials = installation.dataDir().resolve("bootstrap-credentials.txt");
        assertEquals(Set.of(PosixFilePermissions.fromString("rw-------").toArray()),
                Set.of(Files.getPosixFilePermissions(credentials).toArray()), "readable by the server's user only");
        String written = Files.readString(credentials);
        return new SdkSlice(field(written, "KMS_BOOTSTRAP_SECRET_ID"), field(written, "KMS_BOOTSTRAP_SECRET_KEY"));
    }

    private static String field(String credentialsFile, String variable) {
        Matcher line = Pattern.compile("\\(" + variable + "\\): (\\S+)").matcher(credentialsFile);
        assertTrue(line.find(), variable + " in the first start's credentials file");
        return line.group(1);
    }

    /**
     * A key per alias, a ciphertext under each and a data key under each, every one decrypted at once.
     *
     * @return each ciphertext blob with the plaintext (Base64) it decrypts to under {@link #CONTEXT}
     */
    Map<String, String> encryptUnderNewKeys(Installation installation, List<String> aliases) throws Exception {
        KmsClient kms = client(installation);
        Map<String, String> ciphertexts = new LinkedHashMap<>();
        for (String alias : aliases) {
            CreateKeyRequest create = new CreateKeyRequest();
            create.setAlias(alias);
            String keyId = kms.CreateKey(create).getKeyId();

            String plaintext = Base64.getEncoder().encodeToString(("order for " + alias).getBytes(StandardCharsets.UTF_8));
            EncryptRequest encrypt = new EncryptRequest();
            encrypt.setKeyId(keyId);
            encrypt.setPlaintext(plaintext);
            encrypt.setEncryptionContext(CONTEXT);
            String blob = kms.Encrypt(encrypt).getCiphertextBlob();
            assertEquals(plaintext, decrypt(kms, blob));
            ciphertexts.put(blob, plaintext);

            GenerateDataKeyRequest dataKey = new GenerateDataKeyRequest();
            dataKey.setKeyId("alias/" + alias);
            dataKey.setKeySpec("AES_256");
            dataKey.setEncryptionContext(CONTEXT);
            GenerateDataKeyResponse generated = kms.GenerateDataKey(dataKey);
            assertEquals(32, Base64.getDecoder().decode(generated.getPlaintext()).length);
            assertEquals(generated.getPlaintext(), decrypt(kms, generated.getCiphertextBlob()));
            ciphertexts.put(generated.getCiphertextBlob(), generated.getPlaintext());
        }
        return ciphertexts;
    }

    /** Every ciphertext decrypts to its plaintext. */
    void assertDecrypts(Installation installation, Map<String, String> ciphertexts) throws Exception {
        KmsClient kms = client(installation);
        for (Map.Entry<String, String> ciphertext : ciphertexts.entrySet()) {
            assertEquals(ciphertext.getValue(), decrypt(kms, ciphertext.getKey()));
        }
    }

    /** A REST bearer token of this credential. */
    String token(Installation installation) throws Exception {
        return Rest.token(installation, secretId, secretKey);
    }

    private KmsClient client(Installation installation) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + installation.httpPort());
        http.setProtocol("http://");
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new KmsClient(new Credential(secretId, secretKey), "ap-guangzhou", profile);
    }

    private static String decrypt(KmsClient kms, String blob) throws Exception {
        DecryptRequest decrypt = new DecryptRequest();
        decrypt.setCiphertextBlob(blob);
        decrypt.setEncryptionContext(CONTEXT);
        return kms.Decrypt(decrypt).getPlaintext();
    }
}
