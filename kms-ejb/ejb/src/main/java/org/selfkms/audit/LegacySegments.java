package org.selfkms.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The chains installations kept before segments (one per tenant, migrated into format-1 segments, writer
 * {@value #MIGRATED}) are registered by a checkpoint at the first start after the migration, like every segment a
 * writer opens - so verification treats them alike. Only a head row that is still sealed is attested; an altered
 * one stays unregistered and verification reports it.
 */
final class LegacySegments {

    static final String MIGRATED = "migrated";
    static final String ADOPTED = "before-segments";
    private static final Logger LOG = Logger.getLogger(LegacySegments.class.getName());

    private LegacySegments() {
    }

    static void adopt(DataSource dataSource, AuditChain chain, Checkpoints checkpoints) throws SQLException {
        List<AuditTable.StoredSegment> migrated = new ArrayList<>();
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT segment_id, tenant_id, format, writer, opened_at, "
                     + "last_sequence, last_hash, head_mac FROM kms_audit_segment WHERE writer = ? ORDER BY segment_id")) {
            select.setString(1, MIGRATED);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Segment segment = new Segment(rows.getLong(1), rows.getLong(2), rows.getInt(3));
                    migrated.add(new AuditTable.StoredSegment(segment, rows.getString(4), rows.getLong(5),
                            new SegmentHead(segment.id(), segment.tenantId(), rows.getLong(6), rows.getString(7)), rows.getString(8)));
                }
            }
        }
        for (AuditTable.StoredSegment stored : migrated) {
            if (!chain.isSealed(stored.segment().format(), stored.head(), stored.headMac())) {
                LOG.severe("The audit chain of tenant " + stored.segment().tenantId() + " from before segments has an "
                        + "altered head; it is not registered, and verification reports it");
                continue;
            }
            checkpoints.register(stored.head(), db -> {
                try (PreparedStatement update = db.prepareStatement("UPDATE kms_audit_segment SET writer = ? WHERE segment_id = ?")) {
                    update.setString(1, ADOPTED);
                    update.setLong(2, stored.segment().id());
                    return update.executeUpdate();
                }
            });
        }
    }
}
