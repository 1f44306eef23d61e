package org.selfkms.api.key;

import jakarta.ejb.Local;
import org.selfkms.api.identity.Caller;

/**
 * Control-plane operations on CMKs. Wherever a key reference is taken, it may be a key id or an alias
 * (bare, or prefixed {@code alias/}). Failures are {@link org.selfkms.api.error.KmsException}s.
 */
@Local
public interface KeyManagement {

    KeyMetadata createKey(Caller caller, NewKey request);

    KeyMetadata describeKey(Caller caller, String keyRef);

    /** Keys in state Enabled, Disabled or PendingImport, newest first. */
    KeyPage listKeys(Caller caller, int offset, int limit);

    void enableKey(Caller caller, String keyRef);

    void disableKey(Caller caller, String keyRef);
}
