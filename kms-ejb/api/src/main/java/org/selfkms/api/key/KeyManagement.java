package org.selfkms.api.key;

import jakarta.ejb.Local;
import org.selfkms.api.identity.Caller;

import java.util.List;

/**
 * Control-plane operations on CMKs. Wherever a key reference is taken, it may be a key id or an alias
 * (bare, or prefixed {@code alias/}). Failures are {@link org.selfkms.api.error.KmsException}s.
 *
 * <p>Service-managed keys (owner = a service's name, alias {@code kms-<service>}) may be read, rotated and
 * described, but disabling, deleting, archiving and renaming them fails with {@code KEY_NOT_USER_CREATED}.
 * Service principals use keys but do not manage them: every method here refuses them with {@code UNAUTHORIZED}.
 */
@Local
public interface KeyManagement {

    KeyMetadata createKey(Caller caller, NewKey request);

    KeyMetadata describeKey(Caller caller, String keyRef);

    /** Customer keys in state Enabled, Disabled or PendingImport, newest first (Tencent's ListKeys with Role 0). */
    default KeyPage listKeys(Caller caller, int offset, int limit) {
        return listKeys(caller, KeyRole.USER, offset, limit);
    }

    /** Keys of the role (null: both) in state Enabled, Disabled or PendingImport, newest first. */
    KeyPage listKeys(Caller caller, KeyRole role, int offset, int limit);

    /** Keys matching the query (by default customer keys only), with the total number that match. */
    KeyPage listKeyDetail(Caller caller, KeyQuery query);

    void enableKey(Caller caller, String keyRef);

    void disableKey(Caller caller, String keyRef);

    /** Up to 100 distinct references; every one must exist. */
    List<KeyMetadata> describeKeys(Caller caller, List<String> keyRefs);

    /** All or nothing: up to 100 distinct references, each of which must allow the change. */
    void enableKeys(Caller caller, List<String> keyRefs);

    void disableKeys(Caller caller, List<String> keyRefs);

    /**
     * Disabled -> PendingDelete; the key is destroyed when the window (7-30 days) has passed.
     *
     * @return the deletion date, Unix seconds
     */
    long scheduleKeyDeletion(Caller caller, String keyRef, int pendingWindowInDays);

    /** PendingDelete -> Disabled. */
    void cancelKeyDeletion(Caller caller, String keyRef);

    /** Enabled -> Archived: the key only decrypts. */
    void archiveKey(Caller caller, String keyRef);

    /** Archived -> Enabled. */
    void cancelKeyArchive(Caller caller, String keyRef);

    void updateAlias(Caller caller, String keyRef, String newAlias);

    void updateKeyDescription(Caller caller, String keyRef, String description);

    /** Turns automatic rotation on, every {@code rotateDays} (7-365) days from now. */
    void enableKeyRotation(Caller caller, String keyRef, int rotateDays);

    void disableKeyRotation(Caller caller, String keyRef);

    boolean keyRotationEnabled(Caller caller, String keyRef);

    /**
     * Rotates now: a new version becomes current and encrypts from now on; every older version keeps
     * decrypting. Needs rotation enabled, and at most one rotation per {@code kms.rotation.min-interval-seconds}
     * (default one day).
     */
    KeyMetadata rotateKey(Caller caller, String keyRef);

    /** The key's versions, oldest first. */
    List<KeyVersionInfo> keyVersions(Caller caller, String keyRef);

    /** The key's tags, ordered by tag key. */
    List<KeyTag> keyTags(Caller caller, String keyRef);

    /** Counts by state and usage, deletions pending and rotations due: the console's overview. */
    KeyStatistics keyStatistics(Caller caller);

    /** The owners of the tenant's keys ({@code user} and the services that manage keys for it), in order. */
    List<String> keyOwners(Caller caller);

    /** Adds tags or replaces the values of tag keys the key already has; at most 50 tags per key in all. */
    void tagKey(Caller caller, String keyRef, List<KeyTag> tags);

    /** Removes these tag keys from the key; keys it does not carry are ignored. */
    void untagKey(Caller caller, String keyRef, List<String> tagKeys);

    /** The key's policy; {@link KeyPolicy#NONE} when its callers' roles alone decide. */
    KeyPolicy keyPolicy(Caller caller, String keyRef);

    /**
     * Replaces the key's policy; {@link KeyPolicy#NONE} removes it. The users, credentials and services it names must
     * exist in the caller's tenant. Service-managed keys take no policy.
     */
    void putKeyPolicy(Caller caller, String keyRef, KeyPolicy policy);

    /** GetServiceStatus: the tenant's keys against its quota. */
    KeyQuota quota(Caller caller);

    /** ListAlgorithms: what CreateKey offers at the server's default protection level. */
    SupportedAlgorithms supportedAlgorithms();
}
