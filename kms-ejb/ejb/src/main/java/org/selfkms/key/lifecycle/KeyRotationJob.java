package org.selfkms.key.lifecycle;

import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.selfkms.api.key.KeyState;
import org.selfkms.key.CmkEntity;
import org.selfkms.key.KeySchedule;
import org.selfkms.key.KeyVersions;

import java.util.List;
import java.util.logging.Logger;

/**
 * Automatic rotation: a key whose next rotation time has passed gets a new version, through the same path
 * as RotateKey. However many periods a down server missed, the key rotates once and its next rotation is
 * one period from now.
 */
@Stateless
// The view the sweep uses; an interface that is only inherited would not count as a business interface.
@Local(LifecycleJob.class)
public class KeyRotationJob extends DueKeyJob {

    private static final Logger LOG = Logger.getLogger(KeyRotationJob.class.getName());

    @Inject
    private KeyVersions versions;

    public KeyRotationJob() {
        super("rotation", "AutoRotateKey", List.of(KeyState.Enabled), "nextRotateTime", "and c.rotationEnabled = true");
    }

    @Override
    boolean isDue(CmkEntity key, long now) {
        return KeySchedule.rotationDue(key.state(), key.rotationEnabled(), key.nextRotateTime(), now);
    }

    @Override
    void work(CmkEntity key, long now) {
        versions.rotate(key, now);
        LOG.info("Key " + key.id() + " rotated automatically to version " + key.currentVersion());
    }
}
