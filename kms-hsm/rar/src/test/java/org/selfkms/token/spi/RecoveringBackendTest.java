package org.selfkms.token.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.token.TokenException;
import org.selfkms.token.TokenException.Reason;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.PrivateKeys;
import org.selfkms.token.keypair.PublicKeys;
import org.selfkms.token.keypair.SignatureAlgorithm;
import org.selfkms.token.keypair.WrappedKeyPair;
import org.selfkms.token.software.SoftwareToken;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The recovery rule, with a real software token behind a switch that makes it fail like a vanished device,
 * and a clock the test moves instead of sleeping.
 */
class RecoveringBackendTest {

    @TempDir
    Path dir;

    private final AtomicBoolean tokenPresent = new AtomicBoolean(true);
    private final AtomicInteger opens = new AtomicInteger();
    private final SteppingClock clock = new SteppingClock();

    /** A software token that answers UNAVAILABLE while the switch is off, as a removed HSM would. */
    private TokenBackend openSwitchable() throws TokenException {
        opens.incrementAndGet();
        if (!tokenPresent.get()) {
            throw new TokenException(Reason.UNAVAILABLE, "no token in the slot");
        }
        SoftwareToken token = SoftwareToken.open(new TokenConfig("software", dir, dir.resolve("pin"), "", "index:0"));
        return new DomainKeyBackendProxy(token, tokenPresent);
    }

    @Test
    void failsCleanlyWhileTheTokenIsGoneAndRecoversWithoutRestart() throws Exception {
        RecoveringBackend backend = new RecoveringBackend(openSwitchable(), this::openSwitchable, clock);
        WrappedKey wrapped = backend.wrap(new byte[]{1, 2, 3}, "p");

        tokenPresent.set(false);
        assertEquals(Reason.UNAVAILABLE, assertThrows(TokenException.class, () -> backend.unwrap(wrapped, "p")).reason());
        // the next call tries to reconnect once, then waits for the retry interval instead of hammering
        assertEquals(Reason.UNAVAILABLE, assertThrows(TokenException.class, () -> backend.unwrap(wrapped, "p")).reason());
        int attempts = opens.get();
        assertEquals(Reason.UNAVAILABLE, assertThrows(TokenException.class, () -> backend.unwrap(wrapped, "p")).reason());
        assertEquals(attempts, opens.get(), "no reconnection attempt within the retry interval");

        tokenPresent.set(true);
        clock.advance(RecoveringBackend.RETRY_INTERVAL);
        assertArrayEquals(new byte[]{1, 2, 3}, backend.unwrap(wrapped, "p"), "works again once the token is back");
        assertEquals(attempts + 1, opens.get());
    }

    @Test
    void keyPairOperationsFailAsUnavailableDuringAnOutageAndWorkAfterIt() throws Exception {
        RecoveringBackend backend = new RecoveringBackend(openSwitchable(), this::openSwitchable, clock);
        String label = "kms-cmk-pair-outage";
        byte[] publicKey = backend.generateTokenKeyPair(label, KeyPairSpec.EC_P256);
        byte[] digest = PublicKeys.digest(SignatureAlgorithm.ECDSA_P256_SHA_256, publicKey, new byte[]{1, 2, 3});
        byte[] material = {9, 8, 7};
        WrappedKeyPair wrapped = backend.generateWrappedKeyPair(KeyPairSpec.RSA_2048, "kp");
        byte[] encrypted = PublicKeys.encrypt(DecryptionAlgorithm.RSAES_OAEP_SHA_256, wrapped.publicKey(), material, new java.security.SecureRandom());

        tokenPresent.set(false);
        assertEquals(Reason.UNAVAILABLE, assertThrows(TokenException.class,
                () -> backend.signWithTokenKey(label, SignatureAlgorithm.ECDSA_P256_SHA_256, digest)).reason());
        assertEquals(Reason.UNAVAILABLE, assertThrows(TokenException.class,
                () -> backend.generateWrappedKeyPair(KeyPairSpec.EC_P256, "kp")).reason());
        assertEquals(Reason.UNAVAILABLE, assertThrows(TokenException.class,
                () -> backend.generateTokenKeyPair("kms-cmk-pair-outage-2", KeyPairSpec.EC_P256)).reason());

        tokenPresent.set(true);
        clock.advance(RecoveringBackend.RETRY_INTERVAL);
        byte[] signature = backend.signWithTokenKey(label, SignatureAlgorithm.ECDSA_P256_SHA_256, digest);
        org.junit.jupiter.api.Assertions.assertTrue(PublicKeys.verify(SignatureAlgorithm.ECDSA_P256_SHA_256, publicKey, digest, signature),
                "the pair made before the outage signs after it, through a reopened token");
        assertArrayEquals(material, PrivateKeys.decrypt(PrivateKeys.fromPkcs8(KeyPairSpec.RSA_2048, backend.unwrap(wrapped.privateKey(), "kp")),
                null, DecryptionAlgorithm.RSAES_OAEP_SHA_256, encrypted));
        assertEquals(Reason.INVALID_PARAMETER, assertThrows(TokenException.class,
                () -> backend.decryptWithTokenKey(label, DecryptionAlgorithm.RSAES_OAEP_SHA_256, new byte[256])).reason(),
                "and a request error still passes through untouched");
    }

    @Test
    void requestErrorsDoNotCountAsOutages() throws Exception {
        RecoveringBackend backend = new RecoveringBackend(openSwitchable(), this::openSwitchable, clock);
        int before = opens.get();
        assertEquals(Reason.INVALID_WRAPPED_KEY,
                assertThrows(TokenException.class, () -> backend.unwrap(new WrappedKey(1, new byte[40]), "p")).reason());
        backend.random(8);
        assertEquals(before, opens.get(), "a bad request must not drop a healthy token");
    }

    /** Delegates to a real token but fails every call while the token is "removed". */
    private static final class DomainKeyBackendProxy implements TokenBackend {
        private final TokenBackend real;
        private final AtomicBoolean present;

        DomainKeyBackendProxy(TokenBackend real, AtomicBoolean present) {
            this.real = real;
            this.present = present;
        }

        private TokenBackend check() throws TokenException {
            if (!present.get()) {
                throw new TokenException(Reason.UNAVAILABLE, "CKR_DEVICE_REMOVED");
            }
            return real;
        }

        public org.selfkms.token.TokenStatus status() throws TokenException { return check().status(); }
        public WrappedKey generateWrapped(int l, String p) throws TokenException { return check().generateWrapped(l, p); }
        public WrappedKey wrap(byte[] m, String p) throws TokenException { return check().wrap(m, p); }
        public byte[] unwrap(WrappedKey w, String p) throws TokenException { return check().unwrap(w, p); }
        public byte[] random(int l) throws TokenException { return check().random(l); }
        public int addDomainKeyVersion() throws TokenException { return check().addDomainKeyVersion(); }
        public WrappedKey rewrap(WrappedKey w, String p) throws TokenException { return check().rewrap(w, p); }
        public void destroyDomainKeyVersion(int v) throws TokenException { check().destroyDomainKeyVersion(v); }
        public void generateTokenKey(String l) throws TokenException { check().generateTokenKey(l); }
        public byte[] deriveKey(String l, byte[] s) throws TokenException { return check().deriveKey(l, s); }
        public void destroyTokenKey(String l) throws TokenException { check().destroyTokenKey(l); }
        public void importTokenKey(String l, byte[] m) throws TokenException { check().importTokenKey(l, m); }
        public byte[] generateTokenKeyPair(String l, KeyPairSpec s) throws TokenException { return check().generateTokenKeyPair(l, s); }
        public WrappedKeyPair generateWrappedKeyPair(KeyPairSpec s, String p) throws TokenException { return check().generateWrappedKeyPair(s, p); }
        public byte[] signWithTokenKey(String l, SignatureAlgorithm a, byte[] i) throws TokenException { return check().signWithTokenKey(l, a, i); }
        public byte[] decryptWithTokenKey(String l, DecryptionAlgorithm a, byte[] d) throws TokenException { return check().decryptWithTokenKey(l, a, d); }
        public void close() { real.close(); }
    }
}
