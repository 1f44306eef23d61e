package org.selfkms.gate;

import java.util.UUID;

/**
 * What the code serving a request notes for its audit record: the key the request concerned, as the place that
 * resolved it knows it - by id, after an alias, a blob's header or a new key's creation were turned into one. The
 * gate opens the note around the request's operation; local EJB calls run on the caller's thread, so every
 * service the operation calls writes into the same note. Outside a request (timers, start-up) nothing is noted.
 *
 * <p>On the hot path this costs a thread-local read and a field write per resolution: the holder is one array per
 * thread, reused by every request, and holds only JDK types, so it keeps no class of this deployment alive.
 */
public final class RequestNotes {

    private static final int OPEN = 0;
    private static final int KEY = 1;

    private static final ThreadLocal<Object[]> NOTES = ThreadLocal.withInitial(() -> new Object[2]);

    private RequestNotes() {
    }

    /** Starts the note of the request this thread serves; whatever an earlier request left is forgotten. */
    public static void open() {
        Object[] note = NOTES.get();
        note[OPEN] = Boolean.TRUE;
        note[KEY] = null;
    }

    /** The request resolved this key (of the caller's tenant); the last one resolved is the one recorded. */
    public static void keyResolved(UUID keyId) {
        Object[] note = NOTES.get();
        if (note[OPEN] != null) {
            note[KEY] = keyId;
        }
    }

    /** As {@link #keyResolved(UUID)}, for a key id read from its row. */
    public static void keyResolved(String keyId) {
        Object[] note = NOTES.get();
        if (note[OPEN] != null) {
            note[KEY] = keyId;
        }
    }

    /** Ends the note. @return the last key id resolved while it was open, null if none */
    public static String close() {
        Object[] note = NOTES.get();
        Object keyId = note[KEY];
        note[OPEN] = null;
        note[KEY] = null;
        return keyId == null ? null : keyId.toString();
    }

    /**
     * The key id a request's record names: the key it resolved, so that a key named by alias is recorded under its
     * id; if it resolved none (refused before, or no key involved), the reference as the door read it.
     */
    static String auditedKeyId(String resolved, String keyRef) {
        return resolved != null ? resolved : keyRef;
    }
}
