package org.selfkms.key;

import org.selfkms.api.key.KeyState;

/**
 * When a key's lifecycle deadlines fall and whether they have passed: pure arithmetic on Unix seconds, so
 * that the deletion and rotation timers, the control-plane actions and their unit tests share one rule.
 */
public final class KeySchedule {

    static final long SECONDS_PER_DAY = 86_400L;

    private KeySchedule() {
    }

    /** The end of a pending-deletion window that starts now. */
    public static long deletionDate(long now, int pendingWindowInDays) {
        return now + pendingWindowInDays * SECONDS_PER_DAY;
    }

    /** The next automatic rotation, one period after the key was rotated (or rotation was enabled). */
    public static long nextRotation(long rotatedAt, int rotateDays) {
        return rotatedAt + rotateDays * SECONDS_PER_DAY;
    }

    /**
     * A key is deleted for good once its window has ended, whether or not the server was running at that
     * moment: a sweep after downtime finds every window that ended meanwhile.
     */
    public static boolean deletionDue(KeyState state, long deletionDate, long now) {
        return state == KeyState.PendingDelete && deletionDate > 0 && deletionDate <= now;
    }

    /**
     * Only an Enabled key is rotated automatically: a Disabled or Archived key cannot encrypt, so a new
     * version would never be used. It stays due and is rotated by the first sweep after it is enabled again.
     */
    public static boolean rotationDue(KeyState state, boolean rotationEnabled, long nextRotateTime, long now) {
        return state == KeyState.Enabled && rotationEnabled && nextRotateTime > 0 && nextRotateTime <= now;
    }
}
