package org.selfkms.client;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;

/**
 * An HTTP client that trusts the certificates of a PEM file (besides nothing else): for a server whose HTTPS
 * certificate is its own (the server makes one at first start, docs/operations.md, "HTTPS") rather than one
 * of a public authority. Host names are still checked.
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    public static HttpClient httpClient(Path pemFile) {
        try (InputStream pem = Files.newInputStream(pemFile)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                trusted.setCertificateEntry("trusted-" + n++, certificate);
            }
            if (n == 0) {
                throw new KmsClientException("No certificate in " + pemFile);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new KmsClientException("Cannot read the certificates in " + pemFile + ": " + e.getMessage(), e);
        }
    }
}
