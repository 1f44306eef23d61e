package org.selfkms.identity;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Last-used times of API credentials. A request only notes its time in memory; once a minute
 * ({@link CredentialUsageTimer}) the times are written in one JDBC batch, so signing a request never waits for a
 * database write. A crash loses at most that minute of "last used". A plain CDI bean: every authenticated request
 * calls {@link #used}, and an EJB's interceptor chain would cost more than the note itself.
 */
@ApplicationScoped
public class CredentialUsage {

    private static final Logger LOG = Logger.getLogger(CredentialUsage.class.getName());
    private final Map<String, Long> pending = new ConcurrentHashMap<>();

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    public void used(String secretId, long now) {
        // Read first: the time moves once a second, and every request of a busy credential updating the one entry
        // would queue on its bin's lock.
        Long noted = pending.get(secretId);
        if (noted == null || noted < now) {
            pending.merge(secretId, now, Math::max);
        }
    }

    /** Writes the noted times; every minute, and on demand (the console's credential list shows current times). */
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
