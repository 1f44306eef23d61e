package org.selfkms.identity;

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

class BearerTokenStoreTest {

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
        BearerTokenStore tokens = new BearerTokenStore(clock);
        String token = tokens.issue(ADMIN);
        assertTrue(token.matches("skms_[A-Za-z0-9_-]{43}"), token);
        assertFalse(token.equals(tokens.issue(ADMIN)));
        String stored = tokens.anyStoredKey().orElseThrow();
        assertFalse(stored.contains(token.substring(5)), "only the hash is held");
        assertEquals(ADMIN, tokens.session(token).issuedTo());

        clock.now = clock.now.plus(Duration.ofSeconds(BearerTokenStore.LIFETIME_SECONDS - 1));
        assertEquals(ADMIN, tokens.session(token).issuedTo());
        clock.now = clock.now.plusSeconds(1);
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, refusal(() -> tokens.session(token)));
        tokens.issue(OTHER);
        assertEquals(1, tokens.size(), "expired tokens are purged");
    }

    @Test
    void revokedUnknownAndOversizeTokensAreRefused() {
        BearerTokenStore tokens = new BearerTokenStore(Clock.systemUTC());
        String token = tokens.issue(ADMIN);
        assertFalse(tokens.revoke(OTHER, token), "only the credential it was issued to revokes a token");
        assertTrue(tokens.revoke(ADMIN, token));
        assertFalse(tokens.revoke(ADMIN, token));
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, refusal(() -> tokens.session(token)));
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, refusal(() -> tokens.session("skms_" + "x".repeat(500))));
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, refusal(() -> tokens.session(null)));
        String another = tokens.issue(OTHER);
        assertTrue(tokens.drop(another), "a disabled credential's token is dropped, whoever asks");
        assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, refusal(() -> tokens.session(another)));
    }

    @Test
    void aCredentialHoldsAtMostTwentyTokensAndItsOldestGoesFirst() {
        MovableClock clock = new MovableClock();
        BearerTokenStore tokens = new BearerTokenStore(clock);
        String others = tokens.issue(OTHER);
        List<String> own = new ArrayList<>();
        // all within the same second, as a client asking in a loop gets them: the first issued still goes first
        for (int i = 0; i < BearerTokenStore.MAX_PER_CREDENTIAL + 3; i++) {
            own.add(tokens.issue(ADMIN));
        }
        for (int i = 0; i < 3; i++) {
            String revoked = own.get(i);
            assertEquals(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, refusal(() -> tokens.session(revoked)), "token " + i);
        }
        own.subList(3, own.size()).forEach(tokens::session);
        assertEquals(OTHER, tokens.session(others).issuedTo(), "another credential's tokens are untouched");
    }
}
