package org.selfkms.token.spi;

import org.selfkms.token.TokenException;
import org.selfkms.token.WrappedKey;

/**
 * What the software and PKCS#11 backends share: the material operations all run on the current
 * {@link DomainKeys}; subclasses only say where the keys live and how versions are added and destroyed.
 */
public abstract class DomainKeyBackend implements TokenBackend {

    /** Replaced as a whole when a version is added or destroyed, so readers never see half a change. */
    protected volatile DomainKeys domainKeys;

    protected DomainKeyBackend(DomainKeys domainKeys) {
        this.domainKeys = domainKeys;
    }

    @Override
    public WrappedKey generateWrapped(int length, String purpose) throws TokenException {
        return domainKeys.generateWrapped(length, purpose);
    }

    @Override
    public WrappedKey wrap(byte[] material, String purpose) throws TokenException {
        return domainKeys.wrap(material, purpose);
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, String purpose) throws TokenException {
        return domainKeys.unwrap(wrapped, purpose);
    }

    @Override
    public byte[] random(int length) throws TokenException {
        return domainKeys.random(length);
    }

    @Override
    public WrappedKey rewrap(WrappedKey wrapped, String purpose) throws TokenException {
        return domainKeys.rewrap(wrapped, purpose);
    }
}
