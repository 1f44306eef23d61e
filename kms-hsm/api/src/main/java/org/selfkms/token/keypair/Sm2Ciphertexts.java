package org.selfkms.token.keypair;

import java.util.Optional;

/**
 * The two encodings of an SM2 ciphertext: raw C1||C3||C2 (C1 = 0x04||x||y, C3 the 32-byte SM3 hash) and the
 * GM/T 0009 ASN.1 form SEQUENCE{x INTEGER, y INTEGER, hash OCTET STRING, ciphertext OCTET STRING} that
 * Tencent's AsymmetricSm2Decrypt takes.
 */
public final class Sm2Ciphertexts {

    private Sm2Ciphertexts() {
    }

    /** Raw C1C3C2 from the ASN.1 form; empty if it is not well-formed DER of that shape. */
    public static Optional<byte[]> fromAsn1(byte[] der) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The ASN.1 form of raw C1C3C2. */
    public static byte[] toAsn1(byte[] c1c3c2) {
        throw new UnsupportedOperationException("TODO");
    }
}
