package org.selfkms.key;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.ProtectionLevel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The due/not-due decisions of the lifecycle timers and their time arithmetic, on a fixed clock. */
class KeyScheduleTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final long DAY = 86_400L;

    private static long at(Clock clock) {
        return clock.instant().getEpochSecond();
    }

    private static Clock later(Clock clock, Duration by) {
        return Clock.offset(clock, by);
    }

    private static CmkEntity enabledKey(long createdAt) {
        return new CmkEntity(UUID.randomUUID().toString(), 1, "orders", "", KeyUsage.ENCRYPT_DECRYPT, KeyState.Enabled,
                KeyOrigin.TENCENT_KMS, ProtectionLevel.SOFTWARE, "user", 100000000001L, createdAt);
    }

    @Test
    void aDeletionFallsDueExactlyWhenItsWindowEnds() {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        long deletionDate = KeySchedule.deletionDate(at(clock), 7);
        assertEquals(at(clock) + 7 * DAY, deletionDate);

        assertFalse(KeySchedule.deletionDue(KeyState.PendingDelete, deletionDate, at(clock)), "window just started");
        assertFalse(KeySchedule.deletionDue(KeyState.PendingDelete, deletionDate, at(later(clock, Duration.ofDays(7).minusSeconds(1)))),
                "one second before the end");
        assertTrue(KeySchedule.deletionDue(KeyState.PendingDelete, deletionDate, at(later(clock, Duration.ofDays(7)))), "at the end");
        assertTrue(KeySchedule.deletionDue(KeyState.PendingDelete, deletionDate, at(later(clock, Duration.ofDays(400)))),
                "long after the end: a server that was down catches up");
    }

    @Test
    void onlyAKeyStillPendingDeletionIsDeleted() {
        long past = at(Clock.fixed(START, ZoneOffset.UTC));
        long now = past + DAY;
        for (KeyState state : KeyState.values()) {
            assertEquals(state == KeyState.PendingDelete, KeySchedule.deletionDue(state, past, now), state.name());
        }
        assertFalse(KeySchedule.deletionDue(KeyState.PendingDelete, 0, now), "no deletion date, no deletion");
    }

    @Test
    void rotationFallsDueOnePeriodAfterItWasEnabled() {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        CmkEntity key = enabledKey(at(clock));
        key.enableRotation(30, at(clock));
        long next = key.nextRotateTime();
        assertEquals(at(clock) + 30 * DAY, next);

        assertFalse(KeySchedule.rotationDue(KeyState.Enabled, true, next, at(later(clock, Duration.ofDays(30).minusSeconds(1)))));
        assertTrue(KeySchedule.rotationDue(KeyState.Enabled, true, next, at(later(clock, Duration.ofDays(30)))));
    }

    @Test
    void onlyEnabledKeysWithRotationOnAreRotated() {
        long due = at(Clock.fixed(START, ZoneOffset.UTC));
        long now = due + 1;
        for (KeyState state : KeyState.values()) {
            assertEquals(state == KeyState.Enabled, KeySchedule.rotationDue(state, true, due, now), state.name());
        }
        assertFalse(KeySchedule.rotationDue(KeyState.Enabled, false, due, now), "rotation off");
        assertFalse(KeySchedule.rotationDue(KeyState.Enabled, true, 0, now), "no next rotation time");
    }

    @Test
    void catchingUpAfterDowntimeRotatesOnceAndRestartsThePeriodFromNow() {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        CmkEntity key = enabledKey(at(clock));
        key.enableRotation(7, at(clock));

        // The server was down for ten periods.
        long now = at(later(clock, Duration.ofDays(70).plusHours(5)));
        assertTrue(KeySchedule.rotationDue(key.state(), key.rotationEnabled(), key.nextRotateTime(), now));
        assertEquals(2, key.advanceVersion(now));

        assertEquals(now, key.lastRotateTime());
        assertEquals(now + 7 * DAY, key.nextRotateTime());
        assertFalse(KeySchedule.rotationDue(key.state(), key.rotationEnabled(), key.nextRotateTime(), now),
                "one rotation per overdue key, not one per missed period");
    }

    @Test
    void aDeletedKeyIsATombstoneThatNoOperationFinds() {
        CmkEntity key = enabledKey(at(Clock.fixed(START, ZoneOffset.UTC)));
        key.enableRotation(7, START.getEpochSecond());
        assertEquals(KmsErrorCode.KEY_NOT_PENDING_DELETE, assertThrows(KmsException.class, key::markDeleted).code(),
                "only a key pending deletion can be deleted");

        key.changeState(KeyState.PendingDelete);
        key.markDeleted();
        assertEquals(KeyState.Deleted, key.state());
        assertEquals(key.id(), key.alias(), "the alias is released");
        assertNotEquals("orders", key.alias());
        assertFalse(key.rotationEnabled());
        assertEquals(0, key.nextRotateTime());
        assertEquals(KmsErrorCode.KEY_NOT_FOUND, assertThrows(KmsException.class,
                () -> KeyStateMachine.checkCanEncrypt(KeyState.Deleted)).code());
        assertEquals(KmsErrorCode.KEY_NOT_FOUND, assertThrows(KmsException.class,
                () -> KeyStateMachine.checkCanDecrypt(KeyState.Deleted)).code());
    }
}
