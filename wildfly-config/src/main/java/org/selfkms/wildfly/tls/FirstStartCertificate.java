package org.selfkms.wildfly.tls;

import org.wildfly.security.x500.cert.SelfSignedX509CertificateAndSigningKey;
import org.wildfly.security.x500.cert.SubjectAlternativeNamesExtension;

import javax.security.auth.x500.X500Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The HTTPS certificate of a fresh installation: on the first start (no key store file yet) an EC P-256 key pair
 * and a self-signed certificate for {@link SubjectNames} (as subject alternative names: clients such as the
 * Tencent SDK's OkHttp check those, not the CN), valid for {@value #VALIDITY_DAYS} days - the longest that
 * Apple platforms accept for a TLS server certificate. Written as PKCS#12 under the alias {@value #ALIAS}, in a
 * directory and a file that only the server's user can read, atomically (a crash leaves no half-written key
 * store). Never overwrites an existing file and never writes anywhere but the generated key store's path.
 */
final class FirstStartCertificate {

    static final String ALIAS = "kms-tls";
    static final int VALIDITY_DAYS = 825;

    private static final Logger LOG = Logger.getLogger("org.selfkms.tls");

    private FirstStartCertificate() {
    }

    /**
     * Generates {@code generated} if it is the key store in use and does not exist yet.
     *
     * @return whether a key store was generated
     */
    static boolean ensure(Path keystore, Path generated, SubjectNames names, char[] password)
            throws IOException, GeneralSecurityException {
        if (!keystore.toAbsolutePath().normalize().equals(generated.toAbsolutePath().normalize())) {
            LOG.info(() -> "HTTPS uses the operator-supplied key store " + keystore);
            return false;
        }
        if (Files.exists(generated)) {
            warnIfNamesAreNotCovered(generated, names, password);
            return false;
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        SelfSignedX509CertificateAndSigningKey generatedKey = SelfSignedX509CertificateAndSigningKey.builder()
                .setDn(new X500Principal("CN=" + names.commonName()))
                .setKeyAlgorithmName("EC")
                .setKeySize(256)
                .setSignatureAlgorithmName("SHA256withECDSA")
                .setNotValidBefore(now.minusMinutes(5)) // tolerate clients whose clock is slightly behind
                .setNotValidAfter(now.plusDays(VALIDITY_DAYS))
                .addExtension(new SubjectAlternativeNamesExtension(false, names.asGeneralNames()))
                .build();
        X509Certificate certificate = generatedKey.getSelfSignedCertificate();
        KeyStore store = KeyStore.getInstance("PKCS12", "SUN");
        store.load(null, null);
        store.setKeyEntry(ALIAS, generatedKey.getSigningKey(), password, new Certificate[] {certificate});
        writePrivately(generated, store, password);
        String fingerprint = fingerprint(certificate);
        LOG.info(() -> "Generated the HTTPS key store " + generated + ": self-signed certificate for " + names
                + ", valid until " + certificate.getNotAfter().toInstant() + ", SHA-256 fingerprint " + fingerprint);
        return true;
    }

    private static void writePrivately(Path file, KeyStore store, char[] password)
            throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".server", ".p12.tmp"); // 0600 on POSIX file systems
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, password);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** KMS_TLS_HOSTNAME changed after the first start: the existing certificate is kept, but say so. */
    private static void warnIfNamesAreNotCovered(Path file, SubjectNames names, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12", "SUN");
            store.load(in, password);
            if (!(store.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
                return;
            }
            List<String> covered = new ArrayList<>();
            Collection<List<?>> alternativeNames = certificate.getSubjectAlternativeNames();
            if (alternativeNames != null) {
                alternativeNames.forEach(name -> covered.add(String.valueOf(name.get(1)).toLowerCase(Locale.ROOT)));
            }
            List<String> wanted = new ArrayList<>(names.dnsNames());
            names.ipAddresses().forEach(address -> wanted.add(address.getHostAddress()));
            List<String> missing = wanted.stream().filter(name -> !covered.contains(name)).toList();
            if (!missing.isEmpty()) {
                LOG.warning(() -> "The HTTPS certificate in " + file + " does not cover " + missing
                        + " (KMS_TLS_HOSTNAME); it is kept. To replace it, stop the server, delete the file and start"
                        + " again - clients must then trust the new certificate.");
            }
        } catch (IOException | GeneralSecurityException e) {
            // the key store itself reports an unreadable file or a wrong password when it loads
        }
    }

    static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
}
