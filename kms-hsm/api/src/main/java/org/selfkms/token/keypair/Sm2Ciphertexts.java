package org.selfkms.token.keypair;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.BigIntegers;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The two encodings of an SM2 ciphertext: raw C1||C3||C2 (C1 = 0x04||x||y, C3 the 32-byte SM3 hash) and the
 * GM/T 0009 ASN.1 form SEQUENCE{x INTEGER, y INTEGER, hash OCTET STRING, ciphertext OCTET STRING} that
 * Tencent's AsymmetricSm2Decrypt takes, and that OpenSSL's {@code pkeyutl -encrypt} writes for SM2 keys.
 * Both forms carry at least one byte of C2.
 */
public final class Sm2Ciphertexts {

    private static final int COORDINATE_LENGTH = 32;

    private Sm2Ciphertexts() {
    }

    /**
     * Raw C1C3C2 from the ASN.1 form; empty if it is not well-formed DER of that shape (coordinates of at most
     * 32 bytes, a 32-byte hash, a non-empty ciphertext). Whether C1 is a point on the curve is for decryption
     * to find out.
     */
    public static Optional<byte[]> fromAsn1(byte[] der) {
        if (der == null) {
            return Optional.empty();
        }
        try {
            if (!(ASN1Primitive.fromByteArray(der) instanceof ASN1Sequence sequence) || sequence.size() != 4
                    || !Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), der)
                    || !(sequence.getObjectAt(0) instanceof ASN1Integer x)
                    || !(sequence.getObjectAt(1) instanceof ASN1Integer y)
                    || !(sequence.getObjectAt(2) instanceof ASN1OctetString hash)
                    || !(sequence.getObjectAt(3) instanceof ASN1OctetString ciphertext)) {
                return Optional.empty();
            }
            byte[] c3 = hash.getOctets();
            byte[] c2 = ciphertext.getOctets();
            if (!isCoordinate(x.getValue()) || !isCoordinate(y.getValue()) || c3.length != Sm2.C3_LENGTH || c2.length == 0) {
                return Optional.empty();
            }
            byte[] raw = new byte[Sm2.C1_LENGTH + Sm2.C3_LENGTH + c2.length];
            raw[0] = 0x04;
            BigIntegers.asUnsignedByteArray(x.getValue(), raw, 1, COORDINATE_LENGTH);
            BigIntegers.asUnsignedByteArray(y.getValue(), raw, 1 + COORDINATE_LENGTH, COORDINATE_LENGTH);
            System.arraycopy(c3, 0, raw, Sm2.C1_LENGTH, c3.length);
            System.arraycopy(c2, 0, raw, Sm2.C1_LENGTH + Sm2.C3_LENGTH, c2.length);
            return Optional.of(raw);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The ASN.1 form of raw C1C3C2.
     *
     * @throws IllegalArgumentException if it is not raw C1C3C2 (uncompressed C1, 32-byte C3, non-empty C2)
     */
    public static byte[] toAsn1(byte[] c1c3c2) {
        Objects.requireNonNull(c1c3c2, "c1c3c2");
        if (c1c3c2.length <= Sm2.C1_LENGTH + Sm2.C3_LENGTH || c1c3c2[0] != 0x04) {
            throw new IllegalArgumentException("not a raw SM2 ciphertext C1||C3||C2");
        }
        try {
            return new DERSequence(new ASN1Encodable[]{
                    new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(c1c3c2, 1, 1 + COORDINATE_LENGTH))),
                    new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(c1c3c2, 1 + COORDINATE_LENGTH, Sm2.C1_LENGTH))),
                    new DEROctetString(Arrays.copyOfRange(c1c3c2, Sm2.C1_LENGTH, Sm2.C1_LENGTH + Sm2.C3_LENGTH)),
                    new DEROctetString(Arrays.copyOfRange(c1c3c2, Sm2.C1_LENGTH + Sm2.C3_LENGTH, c1c3c2.length))
            }).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    private static boolean isCoordinate(BigInteger value) {
        return value.signum() >= 0 && value.bitLength() <= 8 * COORDINATE_LENGTH;
    }
}
