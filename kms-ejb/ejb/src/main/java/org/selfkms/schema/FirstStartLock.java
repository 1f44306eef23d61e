package org.selfkms.schema;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Lets one node at a time create what an installation holds once: the first tenant and its administrator, the
 * platform operator, the bootstrap service principals, the audit key. Each of those steps checks whether the row
 * exists, and if not, takes this lock and checks again before it creates it - so of two nodes that start at once on
 * an empty database, the second waits for the first one's transaction and then finds the row, instead of failing on
 * its primary key. On PostgreSQL it is a transaction-level advisory lock (released by the commit or rollback); on H2,
 * which one server process opens, nothing else can race and there is nothing to take.
 */
@Stateless
public class FirstStartLock {

    /** The advisory lock's key; another than {@link MigrationLock#KEY}, which a node holds on another connection. */
    static final long KEY = 0x53_4B_4D_53_62_6F_6F_01L;

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    /** Held until the caller's transaction ends; the caller's reads after this see what the lock's last holder committed. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void hold() {
        if (postgreSql()) {
            // the same transaction's connection as the caller's entity manager: the lock is the caller's
            em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(" + KEY + ")) AS locked").getSingleResult();
        }
    }

    private boolean postgreSql() {
        try (Connection connection = dataSource.getConnection()) {
            return Databases.isPostgreSql(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is: " + e.getMessage(), e);
        }
    }
}
