package org.selfkms.identity;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Last-used times of API credentials. A request only notes its time in memory; once a minute the times are
 * written in one JDBC batch, so signing a request never waits for a database write. A crash loses at most that
 * minute of "last used".
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CredentialUsage {

    private static final Logger LOG = Logger.getLogger(CredentialUsage.class.getName());
    private final Map<String, Long> pending = new ConcurrentHashMap<>();

    @Resource(lookup = "java:jboss/datasources/KmsDS")
    private DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void used(String secretId, long now) {
        pending.merge(secretId, now, Math::max);
    }

    /** Every minute; also on demand (the console's credential list shows current times). */
    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE kms_api_credential SET last_used_at = ? WHERE secret_id = ? AND last_used_at < ?")) {
            for (String secretId : pending.keySet()) {
                Long time = pending.remove(secretId);
                if (time != null) {
                    update.setLong(1, time);
                    update.setString(2, secretId);
                    update.setLong(3, time);
                    update.addBatch();
                }
            }
            update.executeBatch();
        } catch (SQLException e) {
            LOG.warning("Could not record when API credentials were last used: " + e.getMessage());
        }
    }
}
