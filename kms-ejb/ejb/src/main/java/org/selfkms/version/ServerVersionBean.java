package org.selfkms.version;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.version.ServerVersion;
import org.selfkms.api.version.VersionInfo;

/**
 * The build's own description, read once, and the database's schema version, read at every call: in a cluster
 * another node may have migrated the shared database since this one started.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ServerVersionBean implements ServerVersion {

    private static final BuildInfo BUILD = BuildInfo.ofThisBuild();

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Override
    public VersionInfo current() {
        Number schema = (Number) em.createNativeQuery("SELECT MAX(version) FROM kms_schema_version").getSingleResult();
        return new VersionInfo(BUILD.version(), BUILD.commit(), BUILD.buildTime(), schema == null ? 0 : schema.intValue());
    }
}
