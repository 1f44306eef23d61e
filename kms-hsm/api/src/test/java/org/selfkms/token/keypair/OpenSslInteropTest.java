package org.selfkms.token.keypair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Interoperability with the OpenSSL command line (3.0, as Debian 12 ships it), the tool customers use to check
 * signatures and to encrypt to a public key: signatures made here verify with {@code openssl dgst -verify},
 * OpenSSL's signatures verify here, what {@code openssl pkeyutl -encrypt} makes decrypts here and the reverse,
 * and the PEM written here is byte for byte OpenSSL's. OpenSSL 3.0 has no ML-KEM or ML-DSA (3.5 has): those are
 * proven against Bouncy Castle's JCA classes in {@link KeyPairAlgorithmsTest}.
 *
 * <p>OpenSSL 3.0 signs and verifies SM2 with an empty user id unless told otherwise: the default id of GB/T 32918
 * that Tencent and this service use must be given as {@code -sigopt distid:1234567812345678}.
 */
class OpenSslInteropTest {

    private static final byte[] MESSAGE = "Pay 100 to account 42, reference 2026-11".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> PSS = List.of("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-sigopt", "rsa_mgf1_md:sha256");
    private static final List<String> SM2_ID = List.of("-sigopt", "distid:1234567812345678");
    private static final List<String> OAEP_SHA_1 = List.of("-pkeyopt", "rsa_padding_mode:oaep");
    private static final List<String> OAEP_SHA_256 = List.of("-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha256", "-pkeyopt", "rsa_mgf1_md:sha256");

    @TempDir
    Path dir;

    private record Run(int exit, String output) {
    }

    /** Runs openssl in the temporary folder; a missing openssl fails the test (it never skips). */
    private Run run(List<String> arguments) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("openssl did not finish: " + String.join(" ", command));
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            return fail("the OpenSSL command line is required for the interoperability tests (Debian: apt-get install openssl): "
                    + e.getMessage());
        }
    }

    private String openssl(List<String> arguments) throws InterruptedException {
        Run run = run(arguments);
        assertEquals(0, run.exit(), "openssl " + String.join(" ", arguments) + " failed: " + run.output());
        return run.output();
    }

    private static List<String> args(Object... parts) {
        List<String> list = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> many) {
                many.forEach(p -> list.add(p.toString()));
            } else {
                list.add(part.toString());
            }
        }
        return list;
    }

    private void write(String name, byte[] content) throws IOException {
        Files.write(dir.resolve(name), content);
    }

    private byte[] read(String name) throws IOException {
        return Files.readAllBytes(dir.resolve(name));
    }

    private record SignatureCase(KeyPairSpec spec, SignatureAlgorithm algorithm, List<String> dgstOptions) {
    }

    private static final List<SignatureCase> SIGNATURES = List.of(
            new SignatureCase(KeyPairSpec.RSA_2048, SignatureAlgorithm.RSA_PKCS1_SHA_256, List.of("-sha256")),
            new SignatureCase(KeyPairSpec.RSA_3072, SignatureAlgorithm.RSA_PKCS1_SHA_256, List.of("-sha256")),
            new SignatureCase(KeyPairSpec.RSA_2048, SignatureAlgorithm.RSA_PSS_SHA_256, args("-sha256", PSS)),
            new SignatureCase(KeyPairSpec.RSA_3072, SignatureAlgorithm.RSA_PSS_SHA_256, args("-sha256", PSS)),
            new SignatureCase(KeyPairSpec.EC_P256, SignatureAlgorithm.ECDSA_P256_SHA_256, List.of("-sha256")),
            new SignatureCase(KeyPairSpec.EC_P384, SignatureAlgorithm.ECDSA_P384_SHA_384, List.of("-sha384")),
            new SignatureCase(KeyPairSpec.SM2, SignatureAlgorithm.SM2DSA_SM3, args("-sm3", SM2_ID)));

    @Test
    void signaturesMadeHereVerifyWithOpenSsl() throws Exception {
        write("message.bin", MESSAGE);
        for (SignatureCase c : SIGNATURES) {
            byte[] publicKey = TestKeys.publicKey(c.spec());
            byte[] signature = PrivateKeys.sign(TestKeys.pair(c.spec()).getPrivate(), null, c.algorithm(),
                    PublicKeys.digest(c.algorithm(), publicKey, MESSAGE), TestKeys.RANDOM);
            Files.writeString(dir.resolve("public.pem"), PublicKeys.pem(publicKey));
            write("signature.bin", signature);
            String output = openssl(args("dgst", c.dgstOptions(), "-verify", "public.pem", "-signature", "signature.bin", "message.bin"));
            assertTrue(output.contains("Verified OK"), c + ": " + output);

            signature[signature.length / 2] ^= 1;
            write("signature.bin", signature);
            Run tampered = run(args("dgst", c.dgstOptions(), "-verify", "public.pem", "-signature", "signature.bin", "message.bin"));
            assertEquals(1, tampered.exit(), c + " tampered: " + tampered.output());
            assertTrue(tampered.output().contains("Verification failure"), tampered.output());
        }
    }

    @Test
    void openSslSignaturesVerifyHere() throws Exception {
        write("message.bin", MESSAGE);
        record KeyCase(String name, List<String> genpkey, KeyPairSpec spec) {
        }
        for (KeyCase key : List.of(
                new KeyCase("rsa2048", List.of("-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"), KeyPairSpec.RSA_2048),
                new KeyCase("rsa3072", List.of("-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072"), KeyPairSpec.RSA_3072),
                new KeyCase("p256", List.of("-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"), KeyPairSpec.EC_P256),
                new KeyCase("p384", List.of("-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"), KeyPairSpec.EC_P384),
                new KeyCase("sm2", List.of("-algorithm", "SM2"), KeyPairSpec.SM2))) {
            openssl(args("genpkey", key.genpkey(), "-out", key.name() + ".pem"));
            openssl(args("pkey", "-in", key.name() + ".pem", "-pubout", "-outform", "DER", "-out", key.name() + ".der"));
            byte[] publicKey = read(key.name() + ".der");
            assertEquals(Optional.of(key.spec()), PublicKeys.specOf(publicKey), key.name() + ": OpenSSL's public key is recognised");
            for (SignatureCase c : SIGNATURES) {
                if (c.spec() != key.spec()) {
                    continue;
                }
                openssl(args("dgst", c.dgstOptions(), "-sign", key.name() + ".pem", "-out", "signature.bin", "message.bin"));
                byte[] signature = read("signature.bin");
                byte[] input = PublicKeys.digest(c.algorithm(), publicKey, MESSAGE);
                assertTrue(PublicKeys.verify(c.algorithm(), publicKey, input, signature), c + ": OpenSSL's signature verifies here");
                signature[signature.length / 2] ^= 1;
                assertTrue(!PublicKeys.verify(c.algorithm(), publicKey, input, signature), c + ": and not once altered");
            }
        }
    }

    private record EncryptionCase(KeyPairSpec spec, DecryptionAlgorithm algorithm, List<String> pkeyutlOptions) {
    }

    private static final List<EncryptionCase> ENCRYPTIONS = List.of(
            new EncryptionCase(KeyPairSpec.RSA_2048, DecryptionAlgorithm.RSAES_PKCS1_V1_5, List.of()),
            new EncryptionCase(KeyPairSpec.RSA_2048, DecryptionAlgorithm.RSAES_OAEP_SHA_1, OAEP_SHA_1),
            new EncryptionCase(KeyPairSpec.RSA_2048, DecryptionAlgorithm.RSAES_OAEP_SHA_256, OAEP_SHA_256),
            new EncryptionCase(KeyPairSpec.RSA_3072, DecryptionAlgorithm.RSAES_PKCS1_V1_5, List.of()),
            new EncryptionCase(KeyPairSpec.RSA_3072, DecryptionAlgorithm.RSAES_OAEP_SHA_256, OAEP_SHA_256),
            new EncryptionCase(KeyPairSpec.SM2, DecryptionAlgorithm.SM2_C1C3C2, List.of()));

    @Test
    void whatOpenSslEncryptsDecryptsHere() throws Exception {
        byte[] material = TestKeys.random(32);
        write("material.bin", material);
        for (EncryptionCase c : ENCRYPTIONS) {
            Files.writeString(dir.resolve("public.pem"), PublicKeys.pem(TestKeys.publicKey(c.spec())));
            openssl(args("pkeyutl", "-encrypt", "-pubin", "-inkey", "public.pem", c.pkeyutlOptions(), "-in", "material.bin", "-out", "encrypted.bin"));
            byte[] encrypted = read("encrypted.bin");
            if (c.algorithm() == DecryptionAlgorithm.SM2_C1C3C2) {
                // OpenSSL writes the GM/T 0009 ASN.1 form
                encrypted = Sm2Ciphertexts.fromAsn1(encrypted).orElseThrow(() -> new AssertionError("not the SM2 ASN.1 form"));
            }
            assertArrayEquals(material, PrivateKeys.decrypt(TestKeys.pair(c.spec()).getPrivate(), null, c.algorithm(), encrypted), c.toString());
        }
    }

    @Test
    void openSslDecryptsWhatIsEncryptedHere() throws Exception {
        byte[] material = TestKeys.random(32);
        for (EncryptionCase c : ENCRYPTIONS) {
            write("private.der", TestKeys.pair(c.spec()).getPrivate().getEncoded());
            byte[] encrypted = PublicKeys.encrypt(c.algorithm(), TestKeys.publicKey(c.spec()), material, TestKeys.RANDOM);
            write("encrypted.bin", c.algorithm() == DecryptionAlgorithm.SM2_C1C3C2 ? Sm2Ciphertexts.toAsn1(encrypted) : encrypted);
            openssl(args("pkeyutl", "-decrypt", "-keyform", "DER", "-inkey", "private.der", c.pkeyutlOptions(), "-in", "encrypted.bin", "-out", "decrypted.bin"));
            assertArrayEquals(material, read("decrypted.bin"), c.toString());
        }
    }

    @Test
    void pemIsByteForByteOpenSsls() throws Exception {
        for (KeyPairSpec spec : List.of(KeyPairSpec.RSA_2048, KeyPairSpec.RSA_3072, KeyPairSpec.EC_P256, KeyPairSpec.EC_P384, KeyPairSpec.SM2)) {
            write("public.der", TestKeys.publicKey(spec));
            String theirs = openssl(List.of("pkey", "-pubin", "-inform", "DER", "-in", "public.der", "-outform", "PEM"));
            assertEquals(theirs, PublicKeys.pem(TestKeys.publicKey(spec)), spec.name());
        }
    }
}
