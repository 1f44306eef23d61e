package org.selfkms.key.imports;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyState;
import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.KeyPairSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The pure rules of importing key material (API reference, section 2.4). */
public final class ImportRules {

    /** Import token and wrapping key are valid for 24 hours. */
    public static final long VALIDITY_SECONDS = 86_400;
    /** 256-bit material (Tencent's FIPS regions; this KMS encrypts with AES-256). */
    public static final int MATERIAL_LENGTH = 32;
    /** Tencent's upper bound for ValidTo. */
    public static final long MAX_VALID_TO = 2_147_443_200L;
    static final int TOKEN_BYTES = 32;
    private static final Set<KeyState> EXPIRING_STATES = Set.of(KeyState.Enabled, KeyState.Disabled, KeyState.Archived);

    private ImportRules() {
    }

    /**
     * {@code kms.byok.max-open-import-tokens-per-tenant} (default 100): every open token holds an RSA key pair
     * in the token for up to a day, so a tenant may not fill the HSM by asking for parameters in a loop.
     */
    public static long maxOpenTokensPerTenant() {
        return Settings.server().longValue(Setting.BYOK_MAX_OPEN_IMPORT_TOKENS_PER_TENANT, 100L);
    }

    public static void checkOpenTokens(long open) {
        if (open >= maxOpenTokensPerTenant()) {
            throw new KmsException(KmsErrorCode.IMPORT_TOKEN_LIMIT_EXCEEDED,
                    "Too many open import tokens in this account: use or let expire some before asking for more");
        }
    }

    /** Tencent's WrappingAlgorithm names, which are the token's names of the RSA decryption algorithms. */
    static final List<String> WRAPPING_ALGORITHMS = Arrays.stream(DecryptionAlgorithm.values())
            .filter(DecryptionAlgorithm::isRsa).map(Enum::name).toList();

    public static void checkWrapping(String algorithm, String keySpec) {
        if (algorithm == null || algorithm.isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "WrappingAlgorithm is required");
        }
        if (!WRAPPING_ALGORITHMS.contains(algorithm)) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                    "WrappingAlgorithm must be one of " + String.join(", ", WRAPPING_ALGORITHMS));
        }
        if (keySpec == null || keySpec.isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "WrappingKeySpec is required");
        }
        if (!KeyPairSpec.RSA_2048.name().equals(keySpec)) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "WrappingKeySpec must be RSA_2048");
        }
    }

    /** 0 is never; anything else must lie in the future and not beyond Tencent's bound. */
    public static void checkValidTo(long validTo, long now) {
        if (validTo != 0 && (validTo <= now || validTo > MAX_VALID_TO)) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                    "ValidTo must be 0 (never) or a future Unix time up to " + MAX_VALID_TO);
        }
    }

    /**
     * @param issued the token's row, null if no such token was ever issued
     * @throws KmsException {@code IMPORT_TOKEN_INVALID} for a token unknown or issued for another key,
     *                      {@code IMPORT_TOKEN_EXPIRED} for one used already or past its validity
     */
    public static void checkToken(ImportTokenEntity issued, String keyId, long now) {
        if (issued == null || !issued.cmkId().equals(keyId)) {
            throw new KmsException(KmsErrorCode.IMPORT_TOKEN_INVALID, "ImportToken was not issued for this key");
        }
        if (issued.state() == ImportTokenState.USED) {
            throw new KmsException(KmsErrorCode.IMPORT_TOKEN_EXPIRED, "ImportToken was already used: call GetParametersForImport again");
        }
        if (issued.state() == ImportTokenState.EXPIRED || now >= issued.validTo()) {
            throw new KmsException(KmsErrorCode.IMPORT_TOKEN_EXPIRED, "ImportToken has expired: call GetParametersForImport again");
        }
    }

    public static void checkMaterial(byte[] material) {
        if (material.length != MATERIAL_LENGTH) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "The key material must be 256 bits (32 bytes)");
        }
    }

    /** Whether the lifecycle sweep must destroy the key's imported material now. */
    public static boolean materialExpired(KeyOrigin origin, KeyState state, long validTo, long now) {
        return origin == KeyOrigin.EXTERNAL && validTo > 0 && validTo <= now && EXPIRING_STATES.contains(state);
    }

    /** The token as the client sees it: 256 random bits, URL-safe Base64. */
    public static String encodeToken(byte[] random) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** What the database keeps of a token. */
    public static String hash(String importToken) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(importToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Label of the wrapping key pair in the token. */
    public static String wrappingKeyLabel(UUID id) {
        return "kms-import-" + id;
    }
}
