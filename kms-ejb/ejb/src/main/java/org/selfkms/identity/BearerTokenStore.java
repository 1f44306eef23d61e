package org.selfkms.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.BearerTokens;
import org.selfkms.api.identity.Caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The REST door's bearer tokens: 256 random bits, handed out once and kept here only as their SHA-256, with the
 * credential they were issued to and their expiry. A token can be revoked; it dies with its credential (the gate
 * re-checks the credential on every use) and with a server restart (held in memory of this node only).
 * Each credential holds at most {@value #MAX_PER_CREDENTIAL} live tokens: a new one beyond that revokes its
 * oldest, so no caller can fill the memory. Kept in kms-ejb so that the gate itself authenticates bearer tokens.
 */
@ApplicationScoped
public class BearerTokenStore implements BearerTokens {

    static final int MAX_PER_CREDENTIAL = 20;
    /** Recognisable by secret scanners; what follows is base64url of 32 random bytes. */
    static final String PREFIX = "skms_";
    private static final int MAX_TOKEN_CHARS = 128;

    /**
     * What a token stands for: the credential's caller when it was issued (the role is re-read on every use).
     * {@code issued} orders the tokens of a credential: many are issued within one second, so a time cannot.
     */
    public record Session(Caller issuedTo, long expiresAt, long issued) {
    }

    private final Map<String, Session> byHash = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    /** Tokens issued so far; guarded by this. */
    private long issuedCount;
    private final Clock clock;

    public BearerTokenStore() {
        this(Clock.systemUTC());
    }

    BearerTokenStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String issue(Caller caller) {
        long now = clock.instant().getEpochSecond();
        purgeExpired(now);
        synchronized (this) {
            var own = byHash.entrySet().stream().filter(e -> e.getValue().issuedTo().principal().equals(caller.principal()))
                    .sorted(Comparator.comparingLong(e -> e.getValue().issued())).toList();
            for (int i = 0; i <= own.size() - MAX_PER_CREDENTIAL; i++) {
                byHash.remove(own.get(i).getKey());
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            byHash.put(hash(token), new Session(caller, now + LIFETIME_SECONDS, ++issuedCount));
            return token;
        }
    }

    /** @throws KmsException {@code AUTH_SIGNATURE_EXPIRED} if the token is unknown, expired or revoked */
    public Session session(String token) {
        Session session = token == null || token.length() > MAX_TOKEN_CHARS ? null : byHash.get(hash(token));
        if (session == null || session.expiresAt() <= clock.instant().getEpochSecond()) {
            throw new KmsException(KmsErrorCode.AUTH_SIGNATURE_EXPIRED, "The bearer token is unknown, expired or revoked");
        }
        return session;
    }

    @Override
    public boolean revoke(Caller caller, String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return false;
        }
        String hash = hash(token);
        Session session = byHash.get(hash);
        return session != null && session.issuedTo().principal().equals(caller.principal()) && byHash.remove(hash, session);
    }

    /** The token of a credential that was disabled or deleted: it dies with it. @return whether it was live */
    public boolean drop(String token) {
        return token != null && token.length() <= MAX_TOKEN_CHARS && byHash.remove(hash(token)) != null;
    }

    /** Tokens that exist: for tests, which check that only hashes are held. */
    Optional<String> anyStoredKey() {
        return byHash.keySet().stream().findAny();
    }

    int size() {
        return byHash.size();
    }

    private void purgeExpired(long now) {
        byHash.values().removeIf(s -> s.expiresAt() <= now);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
