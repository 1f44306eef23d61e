package org.selfkms.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditLog;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.bootstrap.BenchmarkSwitch;

/**
 * The request gate's way to the audit writer, without an EJB call: {@link AuditWriterBean} (the EJB that starts and
 * stops the writer with the deployment) opens the route once the writer runs, and every request's record takes it -
 * the container's interceptor chain around each record cost more than the record itself. Typed to itself only, so it
 * never competes with the EJB for an {@code AuditLog} injection point.
 */
@ApplicationScoped
@Typed(AuditRoute.class)
public class AuditRoute implements AuditLog {

    private volatile GroupCommitWriter writer;
    private volatile boolean benchmarkMode;

    void open(GroupCommitWriter writer, boolean benchmarkMode) {
        this.benchmarkMode = benchmarkMode;
        this.writer = writer;
    }

    void close() {
        writer = null;
    }

    @Override
    public void record(AuditEvent event) {
        if (benchmarkMode && BenchmarkSwitch.discardAudit()) {
            return;
        }
        GroupCommitWriter open = writer;
        if (open == null) {
            throw new KmsException(KmsErrorCode.INTERNAL, "The request could not be recorded in the audit trail; its result is withheld");
        }
        open.record(event);
    }

    @Override
    public void flush() {
        GroupCommitWriter open = writer;
        if (open != null) {
            open.flushed(AuditWriterBean.FLUSH_WAIT);
        }
    }
}
