package org.selfkms.key.lifecycle;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.selfkms.api.key.KeyState;
import org.selfkms.key.CmkEntity;
import org.selfkms.key.KeyVersions;
import org.selfkms.key.imports.ImportRules;

import java.util.List;
import java.util.logging.Logger;

/**
 * Imported material whose ValidTo has passed is destroyed and the key waits in PendingImport for the same
 * material again (API reference, section 2.4). A key pending deletion keeps its material until its deletion.
 */
@Stateless
// The view the sweep uses; an interface that is only inherited would not count as a business interface.
@Local(LifecycleJob.class)
public class ImportedMaterialExpiryJob extends DueKeyJob {

    private static final Logger LOG = Logger.getLogger(ImportedMaterialExpiryJob.class.getName());

    @Inject
    private KeyVersions versions;

    public ImportedMaterialExpiryJob() {
        super("imported-material-expiry", "ExpireImportedKeyMaterial",
                List.of(KeyState.Enabled, KeyState.Disabled, KeyState.Archived), "materialValidTo", "");
    }

    @Override
    boolean isDue(CmkEntity key, long now) {
        return ImportRules.materialExpired(key.origin(), key.state(), key.materialValidTo(), now);
    }

    @Override
    void work(CmkEntity key, long now) {
        versions.destroyMaterial(key, CmkEntity::materialExpired);
        LOG.info("Key " + key.id() + ": its imported material expired and is destroyed; the key waits for it in PendingImport");
    }
}
