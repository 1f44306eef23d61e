package org.selfkms.token.keypair;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * SM2 (GB/T 32918) with SM3 on Bouncy Castle's lightweight API: digest e = SM3(Z_A || M), signatures over a
 * given e, and C1C3C2 encryption. JVM keys only: no PKCS#11 standard mechanism exists for SM2.
 */
final class Sm2 {

    static final ECDomainParameters DOMAIN = new ECDomainParameters(GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1));
    /** C1 (0x04 || x || y) and C3 (SM3) of a ciphertext. */
    static final int C1_LENGTH = 65;
    static final int C3_LENGTH = 32;
    private static final byte[] USER_ID = PublicKeys.SM2_DEFAULT_USER_ID.clone();

    private Sm2() {
    }

    /**
     * e = SM3(Z_A || M) with Z_A = SM3(ENTL_A || ID_A || a || b || x_G || y_G || x_A || y_A) and the default
     * user id (GB/T 32918.2, 5.5 and 6.1).
     */
    static byte[] digest(ECPoint publicPoint, byte[] message) {
        SM3Digest sm3 = new SM3Digest();
        int idBits = USER_ID.length * 8;
        sm3.update((byte) (idBits >>> 8));
        sm3.update((byte) idBits);
        update(sm3, USER_ID);
        update(sm3, DOMAIN.getCurve().getA().getEncoded());
        update(sm3, DOMAIN.getCurve().getB().getEncoded());
        ECPoint g = DOMAIN.getG().normalize();
        update(sm3, g.getAffineXCoord().getEncoded());
        update(sm3, g.getAffineYCoord().getEncoded());
        ECPoint a = publicPoint.normalize();
        update(sm3, a.getAffineXCoord().getEncoded());
        update(sm3, a.getAffineYCoord().getEncoded());
        byte[] z = new byte[sm3.getDigestSize()];
        sm3.doFinal(z, 0);
        update(sm3, z);
        update(sm3, message);
        byte[] e = new byte[sm3.getDigestSize()];
        sm3.doFinal(e, 0);
        return e;
    }

    private static void update(SM3Digest sm3, byte[] bytes) {
        sm3.update(bytes, 0, bytes.length);
    }

    /** A DER SEQUENCE{r, s} over e. */
    static byte[] sign(BigInteger d, byte[] e, SecureRandom random) throws CryptoException {
        SM2Signer signer = new PrecomputedDigestSigner(e);
        signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(d, DOMAIN), random));
        return signer.generateSignature();
    }

    /** False for a wrong or malformed signature (BC decodes it as strict DER). */
    static boolean verify(ECPublicKeyParameters publicKey, byte[] e, byte[] signature) {
        SM2Signer signer = new PrecomputedDigestSigner(e);
        signer.init(false, publicKey);
        return signer.verifySignature(signature);
    }

    /** C1 || C3 || C2 with C1 uncompressed. */
    static byte[] encrypt(ECPublicKeyParameters publicKey, byte[] plaintext, SecureRandom random) throws InvalidCipherTextException {
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(publicKey, random));
        return engine.processBlock(plaintext, 0, plaintext.length);
    }

    /** @throws InvalidCipherTextException or a runtime exception (bad point) for data that does not open */
    static byte[] decrypt(BigInteger d, byte[] c1c3c2) throws InvalidCipherTextException {
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(false, new ECPrivateKeyParameters(d, DOMAIN));
        return engine.processBlock(c1c3c2, 0, c1c3c2.length);
    }

    /**
     * SM2Signer hashes Z_A and what it is fed into e itself; for the digest-signing API (Tencent's DIGEST mode,
     * the token interface) e is computed beforehand by {@link #digest}, so this signer ignores its own hash and
     * uses the given e.
     */
    private static final class PrecomputedDigestSigner extends SM2Signer {
        private final BigInteger e;

        PrecomputedDigestSigner(byte[] e) {
            this.e = new BigInteger(1, e);
        }

        @Override
        protected BigInteger calculateE(BigInteger n, byte[] message) {
            return e;
        }
    }
}
