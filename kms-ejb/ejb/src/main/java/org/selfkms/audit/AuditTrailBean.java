package org.selfkms.audit;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.interceptor.Interceptors;
import org.selfkms.api.audit.AuditActivity;
import org.selfkms.api.audit.AuditCheckpoint;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditPage;
import org.selfkms.api.audit.AuditQuery;
import org.selfkms.api.audit.AuditTrail;
import org.selfkms.api.audit.ChainVerification;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Permission;
import org.selfkms.bootstrap.FirstStartBootstrap;
import org.selfkms.identity.AuthorizationGuard;
import org.selfkms.identity.Requires;

import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Search, verification and checkpoints of the audit trails, each tenant its own. */
@Interceptors(AuthorizationGuard.class)
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditTrailBean implements AuditTrail {

    /** Statements longer than any checkpoint this server writes are not one of its checkpoints. */
    static final int MAX_STATEMENT_CHARS = 16_000;
    private static final Logger LOG = Logger.getLogger(AuditTrailBean.class.getName());

    @EJB
    private AuditWriterBean writer;

    @Override
    @Requires(Permission.READ_AUDIT)
    public AuditPage query(Caller caller, AuditQuery query) {
        long tenant = trailOf(caller, query.platform());
        if (query.limit() < 1 || query.limit() > AuditQuery.MAX_LIMIT) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "The page size must be 1 to " + AuditQuery.MAX_LIMIT);
        }
        writer.flush();
        try {
            // One row more than asked tells whether an older page exists.
            List<ChainedRecord> rows = writer.table().search(tenant, query, query.limit() + 1);
            boolean more = rows.size() > query.limit();
            List<ChainedRecord> page = more ? rows.subList(0, query.limit()) : rows;
            return new AuditPage(page.stream().map(ChainedRecord::toRecord).toList(),
                    more ? page.get(page.size() - 1).toRecord().position() : null);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    @Requires(Permission.READ_AUDIT)
    public ChainVerification verify(Caller caller, boolean platform, AuditCheckpoint anchor) {
        long tenant = trailOf(caller, platform);
        if (anchor != null && (anchor.statement() == null || anchor.signature() == null
                || anchor.statement().length() > MAX_STATEMENT_CHARS || anchor.signature().length() > 256)) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "The checkpoint given is not one this server writes");
        }
        // what this writer knows it stored, read before the database, which is ahead of it
        var heads = writer.committedHeads();
        var opened = writer.openedSegments();
        long newest = writer.newestCheckpointWritten(tenant);
        writer.flush();
        AuditKeyring keyring = writer.keyring();
        try {
            return new TrailVerifier(writer.table(), keyring.chain(), keyring.signer(), tenant).verify(heads, opened, newest, anchor);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    @Requires(Permission.READ_AUDIT)
    public AuditCheckpoint latestCheckpoint(Caller caller, boolean platform) {
        long tenant = trailOf(caller, platform);
        // checkpoint now, so that the export covers everything up to this moment
        writer.checkpoint();
        try {
            return writer.table().latestCheckpoint(tenant).map(c -> new AuditCheckpoint(c.statement(), c.signature()))
                    .orElseThrow(() -> new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "This trail has no checkpoint yet"));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    @Requires(Permission.READ_AUDIT)
    public AuditActivity activity(Caller caller, long fromMillis, int buckets) {
        long tenant = trailOf(caller, false);
        long now = System.currentTimeMillis();
        if (buckets < 1 || buckets > 120 || fromMillis >= now || now - fromMillis > 31L * 86_400_000L) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "Activity covers 1 to 120 buckets of the last 31 days");
        }
        writer.flush();
        try {
            List<AuditTable.ActivityRow> rows = writer.table().recent(tenant, fromMillis, AuditActivity.MAX_RECORDS + 1);
            boolean truncated = rows.size() > AuditActivity.MAX_RECORDS;
            return ActivityCounts.of(truncated ? rows.subList(0, AuditActivity.MAX_RECORDS) : rows, fromMillis, now, buckets, truncated);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    @Requires(Permission.READ_AUDIT)
    public String checkpointPublicKey(Caller caller) {
        return writer.keyring().signer().publicKeyPem();
    }

    /**
     * The caller's own tenant's trail (the role check is {@link Requires}'). The platform trail belongs to no
     * tenant; the administrators and auditors of the first tenant, which runs the installation, may read it.
     */
    private static long trailOf(Caller caller, boolean platform) {
        if (!platform) {
            return caller.tenantId();
        }
        if (caller.tenantId() != FirstStartBootstrap.FIRST_TENANT_ID) {
            throw new KmsException(KmsErrorCode.UNAUTHORIZED, "Only the operator's administrators may read the platform trail");
        }
        return AuditEvent.PLATFORM_TENANT;
    }

    private static KmsException unavailable(SQLException e) {
        LOG.log(Level.SEVERE, "Audit trail not readable", e);
        return new KmsException(KmsErrorCode.INTERNAL, "The audit trail cannot be read right now");
    }
}
