package org.selfkms.wildfly.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Properties;

/**
 * The key store type of the HTTPS listener. Elytron loads this provider (provider-loader {@code kms-tls}, module
 * {@code org.selfkms.tls}) while the server boots, with the settings of configure-server.cli, and the
 * {@code kms-tls} key store is read through it - so the key store file is complete before the listener starts:
 * on the first start of an installation that uses the generated key store, the constructor creates it
 * ({@link FirstStartCertificate}).
 *
 * <p>The key store type it offers, {@code PKCS12}, is the JDK's own implementation: this class adds no
 * cryptography of its own, it only puts the generation in front of the loading. (WildFly's built-in
 * {@code generate-self-signed-certificate-host} generates lazily, on the first TLS handshake, and without
 * subject alternative names, which the Tencent SDK's HTTP client requires; see docs/security.md.)
 *
 * <p>Settings, all required: {@code keystore} (the key store the listener uses), {@code generated-keystore}
 * (where the generated one lives; only that path is ever generated), {@code hostnames} and {@code password}.
 */
public final class TlsKeyStoreProvider extends Provider {

    private static final long serialVersionUID = 1L;

    public TlsKeyStoreProvider(InputStream configuration) throws IOException, GeneralSecurityException {
        super("SelfKMS-TLS", "1.0", "PKCS#12 key store of the SelfKMS HTTPS listener, generated on first start");
        Properties settings = new Properties();
        settings.load(configuration);
        FirstStartCertificate.ensure(Path.of(setting(settings, "keystore")),
                Path.of(setting(settings, "generated-keystore")),
                SubjectNames.parse(setting(settings, "hostnames")),
                setting(settings, "password").toCharArray());

        Provider.Service jdkPkcs12 = Security.getProvider("SUN").getService("KeyStore", "PKCS12");
        putService(new Service(this, "KeyStore", "PKCS12", jdkPkcs12.getClassName(), null, null) {
            @Override
            public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
                return jdkPkcs12.newInstance(constructorParameter);
            }
        });
    }

    private static String setting(Properties settings, String name) {
        String value = settings.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("provider-loader kms-tls: the setting '" + name + "' is missing");
        }
        return value.trim();
    }
}
