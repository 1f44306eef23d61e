package org.selfkms.it;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.Key;
import com.tencentcloudapi.kms.v20190118.models.ListKeysRequest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transport security: the HTTPS listener with the certificate generated on first start, the official
 * Tencent SDK over HTTPS trusting only that certificate (exported as the README says), TLS 1.2/1.3 only, plain
 * HTTP on by default - then one restart with plain HTTP off and an operator-supplied PKCS#12, and one back to
 * the defaults (with the generated key store deleted first: the renewal procedure of docs/operations.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TlsIT extends DeployedKms {

    /** The documented defaults of the generated key store (docs/operations.md). */
    private static final String GENERATED_ALIAS = "kms-tls";
    private static final String GENERATED_PASSWORD = "selfkms-tls";
    /** KMS_TLS_HOSTNAME of the test server (kms-it/pom.xml): a DNS name and an IP address. */
    private static final List<String> CONFIGURED_NAMES = List.of(System.getProperty("kms.it.tls.hostname").split(","));
    /** The TLS 1.2 suites configure-server.cli allows: ECDHE with AEAD ciphers. */
    private static final Set<String> TLS12_SUITES = Set.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    private static final String OPERATOR_PASSWORD = "operator-Passw0rd";

    private static Path generatedKeyStore() {
        return ServerProcess.serverDir().resolve("standalone/data/kms/tls/server.p12");
    }

    @Test
    @Order(1)
    void theSdkWorksOverHttpsTrustingOnlyTheCertificateGeneratedOnFirstStart() throws Exception {
        X509Certificate certificate = exportGeneratedCertificate();
        assertEquals("CN=" + CONFIGURED_NAMES.get(0), certificate.getSubjectX500Principal().getName());
        assertEquals("EC", certificate.getPublicKey().getAlgorithm());
        List<String> alternativeNames = new ArrayList<>();
        certificate.getSubjectAlternativeNames().forEach(name -> alternativeNames.add(String.valueOf(name.get(1))));
        assertTrue(alternativeNames.containsAll(CONFIGURED_NAMES), "KMS_TLS_HOSTNAME names: " + alternativeNames);
        assertTrue(alternativeNames.containsAll(List.of("localhost", "127.0.0.1")), "loopback names: " + alternativeNames);
        Trust trust = Trust.of(certificate);

        // the SDK's OkHttp checks the host against the subject alternative names (never the CN): by name and by IP
        KmsClient overHttps = kmsOverHttps("localhost", trust);
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(uniqueAlias("tls"));
        String keyId = overHttps.CreateKey(create).getKeyId();
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext(b64("sent over TLS"));
        DecryptRequest decrypt = new DecryptRequest();
        decrypt.setCiphertextBlob(overHttps.Encrypt(encrypt).getCiphertextBlob());
        assertEquals("sent over TLS", text(overHttps.Decrypt(decrypt).getPlaintext()));
        assertTrue(listKeyIds(kmsOverHttps("127.0.0.1", trust)).contains(keyId));

        // the console is served over HTTPS as well
        HttpClient browser = HttpClient.newBuilder().sslContext(trust.context()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> console = browser.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + httpsPort() + "/console/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, console.statusCode());
        // its session cookie is marked Secure when set over HTTPS, so a browser never sends it over plain HTTP
        assertTrue(sessionCookieAttributes(console).containsAll(Set.of("secure", "httponly", "samesite")), console.headers().toString());
        // over HTTPS, browsers are told to use nothing else; over plain HTTP that header would mean nothing
        assertEquals("max-age=31536000", console.headers().firstValue("Strict-Transport-Security").orElse(null));
        HttpResponse<String> overHttp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/console/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(overHttp.headers().firstValue("Strict-Transport-Security").isEmpty(), overHttp.headers().toString());
        Set<String> plain = sessionCookieAttributes(overHttp);
        assertTrue(plain.contains("httponly") && !plain.contains("secure"), overHttp.headers().toString());
    }

    /** The attributes of the response's JSESSIONID cookie, lower case ({@code secure}, {@code httponly}, ...). */
    private static Set<String> sessionCookieAttributes(HttpResponse<?> response) {
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
        return Arrays.stream(cookie.split(";")).skip(1).map(part -> part.trim().split("=")[0].toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    @Test
    @Order(2)
    void onlyTls12And13WithForwardSecretAeadSuitesAreNegotiated() throws Exception {
        X509Certificate certificate = exportGeneratedCertificate();
        SSLContext trusting = Trust.of(certificate).context();

        Handshake preferred = handshake(trusting, "localhost", null, null);
        assertEquals("TLSv1.3", preferred.protocol());
        assertEquals(certificate, preferred.peer());
        Handshake tls12 = handshake(trusting, "localhost", new String[] {"TLSv1.2"}, null);
        assertEquals("TLSv1.2", tls12.protocol());
        assertTrue(TLS12_SUITES.contains(tls12.cipherSuite()), tls12.cipherSuite());

        // TLS 1.2 without forward secrecy or with CBC: nothing in common with the server
        assertThrows(SSLHandshakeException.class, () -> handshake(trusting, "localhost", new String[] {"TLSv1.2"},
                new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256"}));
        // a client may not renegotiate a TLS 1.2 session: openssl's "R" gets a handshake_failure alert
        Process renegotiating = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + httpsPort(), "-tls1_2")
                .redirectErrorStream(true).start();
        Thread.sleep(1500);
        renegotiating.getOutputStream().write("R\n".getBytes(StandardCharsets.US_ASCII));
        renegotiating.getOutputStream().flush();
        Thread.sleep(2000);
        renegotiating.getOutputStream().close();
        assertTrue(renegotiating.waitFor(30, TimeUnit.SECONDS));
        String renegotiation = new String(renegotiating.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(renegotiation.contains("RENEGOTIATING") && renegotiation.contains("alert handshake failure"), renegotiation);
        // the JDK no longer speaks TLS 1.0/1.1, openssl still does: the server answers with a protocol_version alert
        for (String old : List.of("-tls1", "-tls1_1")) {
            String output = run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + httpsPort(), old));
            assertTrue(output.contains("alert protocol version"), old + ": " + output);
        }
    }

    @Test
    @Order(3)
    void clientsThatDoNotTrustTheCertificateFailTheHandshake() throws Exception {
        // a client that trusts some other certificate only, and one with the JDK's public CAs
        SSLContext trustsAnother = Trust.of(certificate(operatorKeyStore(), OPERATOR_PASSWORD, "other")).context();
        assertThrows(SSLHandshakeException.class, () -> handshake(trustsAnother, "localhost", null, null));
        assertThrows(SSLHandshakeException.class, () -> handshake(SSLContext.getDefault(), "localhost", null, null));

        // the SDK left with the JDK's default trust store
        HttpProfile http = new HttpProfile();
        http.setEndpoint("localhost:" + httpsPort());
        http.setProtocol(HttpProfile.REQ_HTTPS);
        TencentCloudSDKException refused = assertThrows(TencentCloudSDKException.class,
                () -> kms(http).ListKeys(new ListKeysRequest()));
        assertTrue(causes(refused).contains(SSLHandshakeException.class.getName()), causes(refused));
    }

    @Test
    @Order(4)
    void plainHttpAnswersByDefault() throws Exception {
        connect(httpPort());
        assertTrue(kms().ListKeys(new ListKeysRequest()).getTotalCount() >= 1);
    }

    @Test
    @Order(5)
    void withHttpOffOnlyHttpsAnswersWithTheOperatorsCertificateThenTheDefaultsComeBack() throws Exception {
        Path operatorKeyStore = operatorKeyStore();
        X509Certificate operatorCertificate = certificate(operatorKeyStore, OPERATOR_PASSWORD, "kms");
        X509Certificate generated = exportGeneratedCertificate();
        byte[] generatedFile = Files.readAllBytes(generatedKeyStore());
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(uniqueAlias("tls-restart"));
        String keyId = kms().CreateKey(create).getKeyId();

        String restartLog;
        ServerProcess.stop();
        try {
            ServerProcess.start("tls-http-off", Map.of(
                    "KMS_HTTP_ENABLED", "false",
                    "KMS_TLS_KEYSTORE", operatorKeyStore.toString(),
                    "KMS_TLS_KEYSTORE_PASSWORD", OPERATOR_PASSWORD,
                    "KMS_TLS_KEY_ALIAS", "kms"));

            // plain HTTP: the port is closed, for raw sockets and for the SDK
            assertThrows(ConnectException.class, () -> connect(httpPort()));
            TencentCloudSDKException overHttp = assertThrows(TencentCloudSDKException.class, () -> kms().ListKeys(new ListKeysRequest()));
            assertTrue(causes(overHttp).contains(ConnectException.class.getName()), causes(overHttp));
            // the management interface is unaffected
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort() + "/health/ready")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());

            // HTTPS serves the operator's certificate - the alias KMS_TLS_KEY_ALIAS names, not the other key in the file
            assertEquals(operatorCertificate, handshake(Trust.of(operatorCertificate).context(), "localhost", null, null).peer());
            assertThrows(SSLHandshakeException.class, () -> handshake(Trust.of(generated).context(), "localhost", null, null));
            Handshake rsa = handshake(Trust.of(operatorCertificate).context(), "localhost", new String[] {"TLSv1.2"}, null);
            assertTrue(rsa.cipherSuite().startsWith("TLS_ECDHE_RSA_WITH_") && TLS12_SUITES.contains(rsa.cipherSuite()), rsa.cipherSuite());
            // ... and answers the SDK, with the same keys as before the restart
            DescribeKeyRequest describe = new DescribeKeyRequest();
            describe.setKeyId(keyId);
            assertEquals(keyId, kmsOverHttps("localhost", Trust.of(operatorCertificate)).DescribeKey(describe).getKeyMetadata().getKeyId());
            assertArrayEquals(generatedFile, Files.readAllBytes(generatedKeyStore()), "nothing is generated for an operator's key store");
        } finally {
            ServerProcess.stop();
            // renewal as documented: delete the generated key store while the server is stopped, start again
            Files.deleteIfExists(generatedKeyStore());
            ServerProcess.LogPosition logBefore = ServerProcess.logPosition();
            ServerProcess.start("tls-defaults", Map.of());
            restartLog = ServerProcess.logSince(logBefore);
        }

        // generated while the server started: there before any client connected
        assertTrue(Files.exists(generatedKeyStore()));
        X509Certificate renewed = exportGeneratedCertificate();
        assertNotEquals(generated, renewed);
        assertTrue(restartLog.contains("Generated the HTTPS key store " + generatedKeyStore()), restartLog);
        assertTrue(restartLog.contains("SHA-256 fingerprint " + fingerprint(renewed)), "the log names the fingerprint clients see");
        assertEquals(renewed, handshake(Trust.of(renewed).context(), "localhost", null, null).peer());
        assertTrue(listKeyIds(kmsOverHttps("localhost", Trust.of(renewed))).contains(keyId));
        assertTrue(listKeyIds(kms()).contains(keyId), "plain HTTP is back");
        connect(httpPort());
    }

    // ---- clients ---------------------------------------------------------------------------------------------

    /** Trust in exactly the given certificates, as the README configures the SDK. */
    private record Trust(SSLContext context, X509TrustManager manager) {
        static Trust of(X509Certificate... certificates) throws GeneralSecurityException, IOException {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            for (int i = 0; i < certificates.length; i++) {
                anchors.setCertificateEntry("trusted-" + i, certificates[i]);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            X509TrustManager manager = (X509TrustManager) factory.getTrustManagers()[0];
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return new Trust(context, manager);
        }
    }

    /** The official SDK over HTTPS, configured as the README shows. */
    private static KmsClient kmsOverHttps(String host, Trust trust) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(host + ":" + httpsPort());
        http.setProtocol(HttpProfile.REQ_HTTPS);
        http.setSslSocketFactory(trust.context().getSocketFactory());
        http.setX509TrustManager(trust.manager());
        return kms(http);
    }

    private static KmsClient kms(HttpProfile http) {
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new KmsClient(new Credential(secretId(), secretKey()), "ap-guangzhou", profile);
    }

    private record Handshake(String protocol, String cipherSuite, X509Certificate peer) {
    }

    /** One TLS handshake, checking the host name as HTTPS clients do; null protocols/suites: the JDK's defaults. */
    private static Handshake handshake(SSLContext context, String host, String[] protocols, String[] suites) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, httpsPort())) {
            socket.setSoTimeout(10_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (protocols != null) {
                parameters.setProtocols(protocols);
            }
            if (suites != null) {
                parameters.setCipherSuites(suites);
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return new Handshake(socket.getSession().getProtocol(), socket.getSession().getCipherSuite(),
                    (X509Certificate) socket.getSession().getPeerCertificates()[0]);
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        }
    }

    private static List<String> listKeyIds(KmsClient kms) throws TencentCloudSDKException {
        ListKeysRequest list = new ListKeysRequest();
        list.setLimit(200L);
        return Arrays.stream(kms.ListKeys(list).getKeys()).map(Key::getKeyId).toList();
    }

    // ---- certificates ----------------------------------------------------------------------------------------

    /** The generated certificate, exported from the server's key store with the README's keytool command. */
    private static X509Certificate exportGeneratedCertificate() throws Exception {
        Path pem = Files.createTempFile(buildDir(), "kms-tls", ".pem");
        Files.delete(pem); // keytool refuses to overwrite
        run(List.of(keytool(), "-exportcert", "-rfc", "-alias", GENERATED_ALIAS, "-keystore", generatedKeyStore().toString(),
                "-storepass", GENERATED_PASSWORD, "-file", pem.toString()));
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** A PKCS#12 file as an operator makes it with keytool: two keys, "kms" (RSA) meant for HTTPS and "other" (EC). */
    private static Path operatorKeyStore() throws Exception {
        Path dir = buildDir().resolve("tls-operator");
        Files.createDirectories(dir);
        Path store = dir.resolve("operator.p12");
        Files.deleteIfExists(store);
        for (List<String> key : List.of(
                List.of("-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=other", "-ext", "SAN=dns:localhost"),
                List.of("-alias", "kms", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=kms-operator",
                        "-ext", "SAN=dns:localhost,ip:127.0.0.1"))) {
            List<String> command = new ArrayList<>(List.of(keytool(), "-genkeypair", "-keystore", store.toString(),
                    "-storetype", "PKCS12", "-storepass", OPERATOR_PASSWORD, "-validity", "30"));
            command.addAll(key);
            run(command);
        }
        return store;
    }

    private static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    private static X509Certificate certificate(Path keyStore, String password, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        return (X509Certificate) store.getCertificate(alias);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static Path buildDir() {
        return Path.of(System.getProperty("kms.it.build.dir", "target"));
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    /** Runs a command with no input and returns its output; keytool must succeed, openssl may fail. */
    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        if (command.get(0).endsWith("keytool")) {
            assertEquals(0, process.exitValue(), command + ": " + output);
        }
        return output;
    }

    /** The exception and its causes, by class name and message, to find what went wrong under the SDK. */
    private static String causes(Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return chain.toString();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
