package org.selfkms.format;

import java.security.Provider;
import java.security.SecureRandomSpi;
import java.security.Security;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs production code with chosen "random" bytes, without changing it: the server draws salts and nonces from
 * {@code PerThreadSecureRandom}, which on each thread's first use asks the JCA for {@code SecureRandom "DRBG"}. A
 * provider put first in the list for the length of one call answers that request with a source that hands out
 * exactly the given bytes, in order, and fails if asked for more. The call runs on a fresh thread, so its
 * per-thread DRBG is created while this provider is installed (and dies with the thread); the caller checks
 * afterwards that every byte was drawn, which pins down how many random bytes the code takes and in which order.
 * The provider is JVM-wide while it is installed: safe because this module's tests run one at a time (no parallel
 * JUnit or surefire setting); a thread that created its DRBG before keeps its own.
 */
final class FixedRandomness {

    private static final String PROVIDER_NAME = "SelfKmsFixedRandomness";

    private FixedRandomness() {
    }

    /** The result of {@code task}, which must draw exactly {@code bytes} from the server's RNG (salt, then nonce). */
    static synchronized <T> T run(byte[] bytes, Callable<T> task) throws Exception {
        Queue queue = new Queue(bytes);
        Provider provider = new Provider(PROVIDER_NAME, "1", "fixed random bytes for test vectors") {
            {
                putService(new Service(this, "SecureRandom", "DRBG", Spi.class.getName(), null, null) {
                    @Override
                    public Object newInstance(Object constructorParameter) {
                        return new Spi(queue);
                    }
                });
            }
        };
        if (Security.insertProviderAt(provider, 1) == -1) {
            throw new IllegalStateException("the fixed-randomness provider is installed already");
        }
        AtomicReference<Object> outcome = new AtomicReference<>();
        try {
            Thread worker = new Thread(() -> {
                try {
                    outcome.set(task.call());
                } catch (Throwable t) {
                    outcome.set(t);
                }
            }, "fixed-randomness");
            worker.start();
            worker.join();
        } finally {
            Security.removeProvider(PROVIDER_NAME);
        }
        if (outcome.get() instanceof Exception e) {
            throw e;
        }
        if (outcome.get() instanceof Error e) {
            throw e;
        }
        if (queue.remaining() != 0) {
            throw new IllegalStateException(queue.remaining() + " of the fixed random bytes were not drawn");
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome.get();
        return result;
    }

    private static final class Queue {
        private final byte[] bytes;
        private int next;

        Queue(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        synchronized void take(byte[] into) {
            if (into.length > bytes.length - next) {
                throw new IllegalStateException("asked for " + into.length + " random bytes, only " + (bytes.length - next) + " left");
            }
            System.arraycopy(bytes, next, into, 0, into.length);
            next += into.length;
        }

        synchronized int remaining() {
            return bytes.length - next;
        }
    }

    /** Public with a constructor only for the JCA's bookkeeping; instances come from the service above. */
    public static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final transient Queue queue;

        Spi(Queue queue) {
            this.queue = queue;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // fixed output: a seed changes nothing
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            queue.take(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            throw new UnsupportedOperationException("no seed material from fixed randomness");
        }
    }
}
