package org.selfkms.key.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One pass over every lifecycle job: finds the keys whose due time (a column of their row) has passed at
 * the injected clock's now and does each one's work in a transaction of its own. Because the due times
 * are in the database, a pass after any downtime finds all that fell due meanwhile.
 *
 * <p>No transaction of its own: a failing key rolls back alone and is retried by the next pass.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LifecycleSweep {

    static final int BATCH_SIZE = 50;
    /** Bounds one pass (1000 keys per job); a larger backlog continues at the next pass. */
    static final int MAX_BATCHES = 20;
    private static final Logger LOG = Logger.getLogger(LifecycleSweep.class.getName());

    @EJB(beanName = "KeyDeletionJob")
    private LifecycleJob deletions;

    @EJB(beanName = "DataKeyDeletionJob")
    private LifecycleJob dataKeyDeletions;

    @EJB(beanName = "KeyRotationJob")
    private LifecycleJob rotations;

    @EJB(beanName = "ImportedMaterialExpiryJob")
    private LifecycleJob materialExpiries;

    @EJB(beanName = "ImportTokenExpiryJob")
    private LifecycleJob tokenExpiries;

    @Inject
    private Clock clock;

    private List<LifecycleJob> jobs;

    @PostConstruct
    void jobs() {
        // Deletions first: a key past its deletion date is not worth a new version, nor its material an
        // expiry of its own. EXTERNAL keys never rotate, so the two BYOK jobs and rotation do not meet.
        jobs = List.of(deletions, dataKeyDeletions, materialExpiries, tokenExpiries, rotations);
    }

    /** @return how many keys each job (by name) processed */
    public Map<String, Integer> sweep() {
        long now = clock.instant().getEpochSecond();
        Map<String, Integer> done = new LinkedHashMap<>();
        for (LifecycleJob job : jobs) {
            done.put(job.name(), run(job, now));
        }
        if (done.values().stream().anyMatch(n -> n > 0)) {
            LOG.info("Lifecycle sweep at " + now + " processed " + done);
        }
        return done;
    }

    private static int run(LifecycleJob job, long now) {
        int done = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<String> due = job.dueKeys(now, BATCH_SIZE);
            int progress = 0;
            for (String keyId : due) {
                progress += processed(job, keyId, now) ? 1 : 0;
            }
            done += progress;
            // A short batch was the last; a batch without progress would only meet the same keys again.
            if (due.size() < BATCH_SIZE || progress == 0) {
                break;
            }
        }
        return done;
    }

    private static boolean processed(LifecycleJob job, String keyId, long now) {
        try {
            return job.process(keyId, now);
        } catch (RuntimeException e) {
            // The key's transaction rolled back and it stays due: the next pass retries it.
            LOG.warning("Lifecycle " + job.name() + " of key " + keyId + " failed, retried at the next sweep: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }
}
