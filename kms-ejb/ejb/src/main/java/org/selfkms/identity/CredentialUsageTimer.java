package org.selfkms.identity;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Writes the credentials' last-used times once a minute ({@link CredentialUsage}). */
@Singleton
public class CredentialUsageTimer {

    @Inject
    private CredentialUsage usage;

    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void flush() {
        usage.flush();
    }
}
