package org.selfkms.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.selfkms.hsm.TokenGateway;
import org.selfkms.token.TokenStatus;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One real round trip through the token, shared by the token's and the domain key's readiness probes: wrap random bytes
 * under the active domain key and unwrap them again. Rate-limited: a probe's result is reused for
 * {@value #REUSE_SECONDS} seconds, so however often health is polled the token sees at most a status, a wrap and an
 * unwrap per interval.
 */
@ApplicationScoped
public class TokenRoundTrip {

    static final long REUSE_SECONDS = 3;
    private static final String PURPOSE = "kms-health-probe";

    /**
     * What the last probe found.
     *
     * @param reachable whether the token answered at all
     * @param status    the token's status when it answered, else null
     * @param roundTrip whether bytes wrapped under the active domain key came back unchanged
     * @param failure   why not, safe to show (no material), else null
     */
    record Result(boolean reachable, TokenStatus status, boolean roundTrip, String failure) {
    }

    @Inject
    private TokenGateway token;

    private final SecureRandom random = new SecureRandom();
    private Result last;
    private long probedAt;

    /** The last result if it is fresh enough, else a new probe's. */
    synchronized Result result() {
        if (last == null || System.nanoTime() - probedAt > TimeUnit.SECONDS.toNanos(REUSE_SECONDS)) {
            last = probe();
            probedAt = System.nanoTime();
        }
        return last;
    }

    private Result probe() {
        TokenStatus status;
        try {
            status = token.status();
        } catch (RuntimeException e) {
            return new Result(false, null, false, e.getMessage());
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        byte[] back = null;
        try {
            back = token.unwrap(token.wrap(bytes, PURPOSE), PURPOSE);
            boolean same = Arrays.equals(bytes, back);
            return new Result(true, status, same, same ? null : "unwrapped bytes differ from those wrapped");
        } catch (RuntimeException e) {
            return new Result(false, status, false, e.getMessage());
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (back != null) {
                Arrays.fill(back, (byte) 0);
            }
        }
    }
}
