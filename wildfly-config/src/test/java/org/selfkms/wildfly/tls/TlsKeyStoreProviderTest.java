package org.selfkms.wildfly.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsKeyStoreProviderTest {

    private static final char[] PASSWORD = "test-password".toCharArray();

    @TempDir
    Path dataDir;

    @Test
    void firstStartGeneratesAPrivateKeyStoreWithTheHostNamesAsSubjectAlternativeNames() throws Exception {
        Path file = dataDir.resolve("kms/tls/server.p12");
        assertTrue(FirstStartCertificate.ensure(file, file, SubjectNames.parse("KMS.example.org, 10.0.0.7"), PASSWORD));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        KeyStore store = load(file);
        assertEquals(List.of(FirstStartCertificate.ALIAS), Collections.list(store.aliases()));
        assertInstanceOf(ECPrivateKey.class, store.getKey(FirstStartCertificate.ALIAS, PASSWORD));
        X509Certificate certificate = (X509Certificate) store.getCertificate(FirstStartCertificate.ALIAS);
        assertEquals("CN=kms.example.org", certificate.getSubjectX500Principal().getName());
        assertEquals(List.of("kms.example.org", "localhost", "10.0.0.7", "127.0.0.1", "0:0:0:0:0:0:0:1"),
                certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList());
        Duration validity = Duration.between(Instant.now(), certificate.getNotAfter().toInstant());
        assertTrue(validity.toDays() >= FirstStartCertificate.VALIDITY_DAYS - 1
                && validity.toDays() <= FirstStartCertificate.VALIDITY_DAYS, "validity " + validity);
        certificate.verify(certificate.getPublicKey()); // self-signed by its own key
    }

    @Test
    void anExistingKeyStoreIsNeverReplacedButNamesItLacksAreReported() throws Exception {
        Path file = dataDir.resolve("tls/server.p12");
        assertTrue(FirstStartCertificate.ensure(file, file, SubjectNames.parse("kms.example"), PASSWORD));
        byte[] first = Files.readAllBytes(file);
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("org.selfkms.tls");
        log.addHandler(capture);
        try {
            assertFalse(FirstStartCertificate.ensure(file, file, SubjectNames.parse("kms.example"), PASSWORD));
            assertEquals(List.of(), warnings, "the same names: nothing to report");
            assertFalse(FirstStartCertificate.ensure(file, file, SubjectNames.parse("other.example,10.1.2.3"), PASSWORD));
        } finally {
            log.removeHandler(capture);
        }
        assertArrayEquals(first, Files.readAllBytes(file));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).getMessage().contains("[other.example, 10.1.2.3]"), warnings.get(0).getMessage());
    }

    @Test
    void anOperatorSuppliedKeyStoreMeansNothingIsGenerated() throws Exception {
        Path generated = dataDir.resolve("tls/server.p12");
        Path operator = dataDir.resolve("operator/missing.p12");
        assertFalse(FirstStartCertificate.ensure(operator, generated, SubjectNames.parse("localhost"), PASSWORD));
        assertFalse(Files.exists(generated));
        assertFalse(Files.exists(operator), "never generated at the operator's path, even if the file is missing");
    }

    @Test
    void hostNamesAreCheckedAndLoopbackIsAlwaysIncluded() {
        SubjectNames names = SubjectNames.parse("kms.internal ::1 localhost");
        assertEquals("kms.internal", names.commonName());
        assertEquals(List.of("kms.internal", "localhost"), names.dnsNames());
        assertEquals(2, names.ipAddresses().size());
        assertEquals(List.of("localhost"), SubjectNames.parse(" , localhost,").dnsNames());
        assertThrows(IllegalArgumentException.class, () -> SubjectNames.parse("bad name!"));
        assertThrows(IllegalArgumentException.class, () -> SubjectNames.parse("999.1.1.1"));
        assertThrows(IllegalArgumentException.class, () -> SubjectNames.parse("-leading-dash.example"));
        assertThrows(IllegalArgumentException.class, () -> SubjectNames.parse(" , "));
    }

    @Test
    void theProviderGeneratesBeforeItsKeyStoreTypeLoadsTheFile() throws Exception {
        Path file = dataDir.resolve("kms/tls/server.p12");
        Properties settings = new Properties();
        settings.setProperty("keystore", file.toString());
        settings.setProperty("generated-keystore", file.toString());
        settings.setProperty("hostnames", "localhost");
        settings.setProperty("password", new String(PASSWORD));
        ByteArrayOutputStream configuration = new ByteArrayOutputStream();
        settings.store(configuration, null);

        TlsKeyStoreProvider provider = new TlsKeyStoreProvider(new ByteArrayInputStream(configuration.toByteArray()));

        KeyStore store = KeyStore.getInstance("PKCS12", provider);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        assertInstanceOf(PrivateKey.class, store.getKey(FirstStartCertificate.ALIAS, PASSWORD));
        settings.remove("hostnames");
        ByteArrayOutputStream incomplete = new ByteArrayOutputStream();
        settings.store(incomplete, null);
        assertThrows(IllegalArgumentException.class,
                () -> new TlsKeyStoreProvider(new ByteArrayInputStream(incomplete.toByteArray())));
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
