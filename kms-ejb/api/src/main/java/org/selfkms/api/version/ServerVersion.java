package org.selfkms.api.version;

import jakarta.ejb.Local;

/**
 * Which build of the KMS answers, and on which database schema: what an operator checks after an upgrade or a
 * restore. It takes no caller, like everything the server offers rather than a tenant owns; the doors call it only
 * for authenticated callers (an anonymous request's operation gets no services), so that the exact build - and so
 * its known weaknesses - is not told to anyone who asks.
 */
@Local
public interface ServerVersion {

    VersionInfo current();
}
