package org.selfkms.rest.v1;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BearerTokensTest {

    private static final Caller ADMIN = new Caller(1, 100, "AKIDadmin0001", Caller.Kind.API_CREDENTIAL, null, Role.TENANT_ADMIN);
    private static final Caller OTHER = new Caller(1, 100, "AKIDother0001", Caller.Kind.API_CREDENTIAL, null, Role.KEY_USER);

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static KmsErrorCode refusal(Runnable call) {
        return assertThrows(KmsException.class, call::run).code();
    }

    @Test
    void aTokenIsRandomKeptOnlyAsItsHashAndLivesFifteenMinutes() {
        MovableClock clock = new MovableClock();
        BearerTokens tokens = new BearerTokens(clock);
        String token = tokens.issue(ADMIN);
        assertTrue(token.matches("skms_[A-Za-z0-9_-]{43}"), token);
        assertFalse(token.equals(tokens.issue(ADMIN)));
        String stored = tokens.anyStoredKey().orElseThrow();
        assertFalse(stored.contains(token.substring(5)), "only the hash is held");
        assertEquals(ADMIN, tokens.session(token).issuedTo());

        clock.now = clock.now.plus(Duration.ofSeconds(BearerTokens.LIFETIME_SECONDS - 1));
        assertEquals(ADMIN, tokens.session(token).issuedTo());
        clock.now = clock.now.plusSeconds(1);
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, refusal(() -> tokens.session(token)));
        tokens.issue(OTHER);
        assertEquals(1, tokens.size(), "expired tokens are purged");
    }

    @Test
    void revokedUnknownAndOversizeTokensAreRefused() {
        BearerTokens tokens = new BearerTokens(Clock.systemUTC());
        String token = tokens.issue(ADMIN);
        assertTrue(tokens.revoke(token));
        assertFalse(tokens.revoke(token));
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, refusal(() -> tokens.session(token)));
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, refusal(() -> tokens.session("skms_" + "x".repeat(500))));
    }

    @Test
    void aCredentialHoldsAtMostTwentyTokensAndItsOldestGoesFirst() {
        MovableClock clock = new MovableClock();
        BearerTokens tokens = new BearerTokens(clock);
        String others = tokens.issue(OTHER);
        List<String> own = new ArrayList<>();
        for (int i = 0; i < BearerTokens.MAX_PER_CREDENTIAL + 1; i++) {
            clock.now = clock.now.plusSeconds(1);
            own.add(tokens.issue(ADMIN));
        }
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, refusal(() -> tokens.session(own.get(0))));
        own.subList(1, own.size()).forEach(tokens::session);
        assertEquals(OTHER, tokens.session(others).issuedTo(), "another credential's tokens are untouched");
    }
}
