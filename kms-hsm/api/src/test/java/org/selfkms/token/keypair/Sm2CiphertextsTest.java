package org.selfkms.token.keypair;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Sm2CiphertextsTest {

    private static byte[] der(ASN1Encodable... parts) throws Exception {
        return new DERSequence(parts).getEncoded();
    }

    @Test
    void rawAndAsn1FormsRoundTripAndTheAsn1FormDecrypts() throws Exception {
        KeyPair pair = TestKeys.pair(KeyPairSpec.SM2);
        for (int length : new int[]{1, 16, 32, 1000}) {
            byte[] plaintext = TestKeys.random(length);
            byte[] raw = PublicKeys.encrypt(DecryptionAlgorithm.SM2_C1C3C2, pair.getPublic().getEncoded(), plaintext, TestKeys.RANDOM);
            byte[] asn1 = Sm2Ciphertexts.toAsn1(raw);
            assertArrayEquals(raw, Sm2Ciphertexts.fromAsn1(asn1).orElseThrow(), "length " + length);
            assertArrayEquals(plaintext, PrivateKeys.decrypt(pair.getPrivate(), null, DecryptionAlgorithm.SM2_C1C3C2,
                    Sm2Ciphertexts.fromAsn1(asn1).orElseThrow()));
        }
    }

    @Test
    void coordinatesWithLeadingZerosKeepTheirWidth() throws Exception {
        byte[] raw = new byte[65 + 32 + 5];
        raw[0] = 0x04;
        raw[2] = 0x01;              // x = 0x0001.. : first byte zero
        raw[33] = (byte) 0x80;      // y has its high bit set: INTEGER needs a leading 0x00
        Arrays.fill(raw, 65, raw.length, (byte) 7);
        byte[] asn1 = Sm2Ciphertexts.toAsn1(raw);
        assertArrayEquals(der(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33))),
                new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 33, 65))),
                new DEROctetString(Arrays.copyOfRange(raw, 65, 97)), new DEROctetString(Arrays.copyOfRange(raw, 97, raw.length))), asn1);
        assertArrayEquals(raw, Sm2Ciphertexts.fromAsn1(asn1).orElseThrow());
    }

    @Test
    void junkIsRefused() throws Exception {
        ASN1Integer x = new ASN1Integer(BigInteger.TEN);
        ASN1Integer y = new ASN1Integer(BigInteger.ONE);
        DEROctetString hash = new DEROctetString(new byte[32]);
        DEROctetString ciphertext = new DEROctetString(new byte[3]);
        byte[] good = der(x, y, hash, ciphertext);
        assertEquals(65 + 32 + 3, Sm2Ciphertexts.fromAsn1(good).orElseThrow().length);

        assertEquals(Optional.empty(), Sm2Ciphertexts.fromAsn1(null));
        assertEquals(Optional.empty(), Sm2Ciphertexts.fromAsn1(new byte[0]));
        assertEquals(Optional.empty(), Sm2Ciphertexts.fromAsn1("junk".getBytes()));
        assertEquals(Optional.empty(), Sm2Ciphertexts.fromAsn1(Arrays.copyOf(good, good.length + 1)), "trailing byte");
        assertEquals(Optional.empty(), Sm2Ciphertexts.fromAsn1(Arrays.copyOf(good, good.length - 1)), "truncated");
        assertEquals(Optional.empty(), Sm2Ciphertexts.fromAsn1(der(x, y, hash)), "three elements");
        assertEquals(Optional.empty(), Sm2Ciphertexts.fromAsn1(der(x, y, ciphertext, hash)), "hash of the wrong size (C1C2C3 order)");
        assertEquals(Optional.empty(), Sm2Ciphertexts.fromAsn1(der(x, y, hash, new DEROctetString(new byte[0]))), "empty ciphertext");
        assertEquals(Optional.empty(), Sm2Ciphertexts.fromAsn1(der(new ASN1Integer(BigInteger.ONE.negate()), y, hash, ciphertext)), "negative x");
        assertEquals(Optional.empty(), Sm2Ciphertexts.fromAsn1(der(new ASN1Integer(BigInteger.ONE.shiftLeft(256)), y, hash, ciphertext)), "x of 257 bits");
        assertEquals(Optional.empty(), Sm2Ciphertexts.fromAsn1(der(hash, y, hash, ciphertext)), "x not an INTEGER");
        byte[] indefinite = good.clone();
        indefinite[1] = (byte) 0x80; // BER indefinite length
        assertEquals(Optional.empty(), Sm2Ciphertexts.fromAsn1(Arrays.copyOf(indefinite, indefinite.length + 2)), "BER");

        assertThrows(IllegalArgumentException.class, () -> Sm2Ciphertexts.toAsn1(new byte[97]));
        byte[] compressed = new byte[100];
        compressed[0] = 0x02;
        assertThrows(IllegalArgumentException.class, () -> Sm2Ciphertexts.toAsn1(compressed));
    }
}
