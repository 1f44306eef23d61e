package org.selfkms.token.spi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A minimal self-signed X.509 v1 certificate for a token key pair. Nothing trusts or checks it: it exists
 * because the JCA {@code KeyStore} (PKCS#12 and SunPKCS11 alike) stores a private key only together with a
 * certificate chain. Encoded by hand (a few DER structures) so the RAR needs no Bouncy Castle; signed with
 * the new private key in the provider that holds it, so the key never leaves the token for this either.
 */
public final class SelfSignedCertificate {

    /** sha256WithRSAEncryption, with NULL parameters. */
    private static final byte[] SHA256_WITH_RSA = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00};
    /** ecdsa-with-SHA256, parameters absent (RFC 5758). */
    private static final byte[] ECDSA_WITH_SHA256 = {0x30, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce,
            0x3d, 0x04, 0x03, 0x02};
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};

    private SelfSignedCertificate() {
    }

    /**
     * @param pair   an RSA pair (signed SHA256withRSA) or an EC pair (SHA256withECDSA, whatever the curve)
     * @param signer the provider holding the private key, or null for the JDK default
     */
    public static X509Certificate create(String commonName, KeyPair pair, Provider signer) throws GeneralSecurityException {
        boolean ec = "EC".equals(pair.getPublic().getAlgorithm());
        byte[] algorithm = ec ? ECDSA_WITH_SHA256 : SHA256_WITH_RSA;
        String jcaName = ec ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] name = seq(tlv(0x31, seq(cat(COMMON_NAME, tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8))))));
        String notBefore = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyMMddHHmmss")) + "Z";
        byte[] validity = seq(cat(tlv(0x17, notBefore.getBytes(StandardCharsets.US_ASCII)),
                tlv(0x18, "99991231235959Z".getBytes(StandardCharsets.US_ASCII))));
        byte[] serial = tlv(0x02, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray());
        byte[] tbs = seq(cat(serial, algorithm, name, validity, name, pair.getPublic().getEncoded()));
        Signature signature = signer == null ? Signature.getInstance(jcaName) : Signature.getInstance(jcaName, signer);
        signature.initSign(pair.getPrivate());
        signature.update(tbs);
        byte[] bits = cat(new byte[]{0}, signature.sign());
        byte[] der = seq(cat(tbs, algorithm, tlv(0x03, bits)));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] seq(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
