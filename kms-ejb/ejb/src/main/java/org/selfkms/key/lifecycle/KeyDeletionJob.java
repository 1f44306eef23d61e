package org.selfkms.key.lifecycle;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.selfkms.api.key.KeyState;
import org.selfkms.datakey.DataKeyDeletions;
import org.selfkms.key.CmkEntity;
import org.selfkms.key.KeySchedule;
import org.selfkms.key.KeyVersions;

import java.util.List;
import java.util.logging.Logger;

/**
 * Finishes a deletion once its pending window has ended: the material of every version is destroyed, and the
 * key's hosted data keys with it.
 */
@Stateless
// The view the sweep uses; an interface that is only inherited would not count as a business interface.
@Local(LifecycleJob.class)
public class KeyDeletionJob extends DueKeyJob {

    private static final Logger LOG = Logger.getLogger(KeyDeletionJob.class.getName());

    @Inject
    private KeyVersions versions;

    @Inject
    private DataKeyDeletions dataKeys;

    public KeyDeletionJob() {
        super("deletion", "FinishKeyDeletion", List.of(KeyState.PendingDelete), "deletionDate", "");
    }

    @Override
    boolean isDue(CmkEntity key, long now) {
        return KeySchedule.deletionDue(key.state(), key.deletionDate(), now);
    }

    @Override
    void work(CmkEntity key, long now) {
        versions.destroyAll(key);
        int hosted = dataKeys.deleteAllOf(key.id());
        LOG.info("Key " + key.id() + " deleted: its pending window ended, the material of "
                + key.currentVersion() + " version(s) is destroyed" + (hosted > 0 ? ", with " + hosted + " hosted data key(s)" : ""));
    }
}
