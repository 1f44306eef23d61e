package org.selfkms.key.lifecycle;

import java.util.List;

/**
 * One kind of work the lifecycle sweep does when a key's due time, a column of its row, has passed.
 * The jobs: finishing deletions (of CMKs and of hosted data keys), the expiry of imported material and of import tokens (BYOK), automatic
 * rotation.
 */
public interface LifecycleJob {

    /** For the log. */
    String name();

    /** Ids of the keys due at {@code now}, most overdue first, at most {@code limit}: a plain read, no locks. */
    List<String> dueKeys(long now, int limit);

    /**
     * Does the work for one key in a transaction of its own. Locks the key's row first and skips the key if
     * another node holds that lock (it is doing the same work), then checks under the lock that the key is
     * still due (it may have been cancelled or done meanwhile).
     *
     * @return true if the work was done, false if the key was skipped
     */
    boolean process(String keyId, long now);
}
