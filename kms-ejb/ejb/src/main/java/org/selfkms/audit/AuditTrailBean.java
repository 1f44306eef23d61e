package org.selfkms.audit;

import jakarta.interceptor.Interceptors;
import org.selfkms.api.identity.Permission;
import org.selfkms.identity.AuthorizationGuard;
import org.selfkms.identity.Requires;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditPage;
import org.selfkms.api.audit.AuditQuery;
import org.selfkms.api.audit.AuditTrail;
import org.selfkms.api.audit.ChainVerification;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.bootstrap.FirstStartBootstrap;

import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Search and verification of the audit chains, each tenant its own. */
@Interceptors(AuthorizationGuard.class)
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditTrailBean implements AuditTrail {

    private static final int VERIFY_PAGE = 1000;
    private static final Logger LOG = Logger.getLogger(AuditTrailBean.class.getName());

    @EJB
    private AuditWriterBean writer;

    @Override
    @Requires(Permission.READ_AUDIT)
    public AuditPage query(Caller caller, AuditQuery query) {
        long tenant = chainOf(caller, query.platform());
        if (query.limit() < 1 || query.limit() > AuditQuery.MAX_LIMIT) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "The page size must be 1 to " + AuditQuery.MAX_LIMIT);
        }
        try {
            // One row more than asked tells whether an older page exists.
            List<ChainedRecord> rows = writer.table().search(tenant, query, query.limit() + 1);
            boolean more = rows.size() > query.limit();
            List<ChainedRecord> page = more ? rows.subList(0, query.limit()) : rows;
            return new AuditPage(page.stream().map(ChainedRecord::toRecord).toList(),
                    more ? page.get(page.size() - 1).sequence() : null);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    @Requires(Permission.READ_AUDIT)
    public ChainVerification verify(Caller caller, boolean platform) {
        long tenant = chainOf(caller, platform);
        AuditTable table = writer.table();
        ChainVerifier verifier = new ChainVerifier(writer.chain(), tenant);
        try {
            walk(table, verifier, tenant, Long.MAX_VALUE);
            // Read in this order: the writer's memory trails the head row, which covers every record written so far.
            ChainHead known = writer.committedHead(tenant);
            AuditTable.StoredHead head = table.head(tenant);
            if (head != null) {
                // Records committed while the walk ran: check them too, up to the head read just now.
                walk(table, verifier, tenant, head.head().sequence());
            }
            return verifier.finish(head == null ? null : head.head(), head == null ? null : head.mac(), known);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static void walk(AuditTable table, ChainVerifier verifier, long tenant, long upTo) throws SQLException {
        while (verifier.lastSequence() < upTo) {
            List<ChainedRecord> page = table.chainAfter(tenant, verifier.lastSequence(), VERIFY_PAGE);
            for (ChainedRecord record : page) {
                if (record.sequence() > upTo && upTo != Long.MAX_VALUE) {
                    return;
                }
                if (!verifier.accept(record)) {
                    return;
                }
            }
            if (page.size() < VERIFY_PAGE) {
                return;
            }
        }
    }

    /**
     * The caller's own tenant's chain (the role check is {@link Requires}'). The platform chain belongs to no
     * tenant; the administrators and auditors of the first tenant, which runs the installation, may read it.
     */
    private static long chainOf(Caller caller, boolean platform) {
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
