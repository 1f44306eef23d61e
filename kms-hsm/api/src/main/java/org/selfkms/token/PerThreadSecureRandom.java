package org.selfkms.token;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random bytes from a DRBG of the calling thread's own (NIST SP 800-90A, the JDK's {@code DRBG}, each seeded from the
 * operating system's entropy on first use). The JDK's default {@code SecureRandom} serialises every caller on one lock,
 * and the hot path draws random bytes several times per request (nonce, salt, data key, request id): with 16 requests
 * at once, requests queued on that lock.
 */
public final class PerThreadSecureRandom extends SecureRandom {

    public static final PerThreadSecureRandom INSTANCE = new PerThreadSecureRandom();
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<SecureRandom> DRBG = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG unavailable", e);
        }
    });

    private PerThreadSecureRandom() {
    }

    @Override
    public void nextBytes(byte[] bytes) {
        DRBG.get().nextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        return DRBG.get().generateSeed(numBytes);
    }

    @Override
    public String getAlgorithm() {
        return "DRBG (per thread)";
    }
}
