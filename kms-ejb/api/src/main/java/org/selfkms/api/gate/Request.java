package org.selfkms.api.gate;

import java.util.Objects;

/**
 * One request as a door hands it to the {@link RequestGate}: everything the gate needs to authenticate it and to
 * write its audit record.
 *
 * @param action        the action's name in the audit trail (e.g. {@code Encrypt}, {@code DisableKey})
 * @param keyRef        the key the request names as the door read it (a key id or an alias), null if none; the
 *                      audit records it only when no key was resolved while serving the request
 * @param sourceAddress the client's address as the door sees it, null if unknown
 */
public record Request(Door door, String action, String keyRef, String sourceAddress, Credentials credentials) {

    public Request {
        Objects.requireNonNull(door, "door");
        Objects.requireNonNull(credentials, "credentials");
    }
}
