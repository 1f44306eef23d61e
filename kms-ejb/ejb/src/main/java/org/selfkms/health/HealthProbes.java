package org.selfkms.health;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.selfkms.api.health.KmsProbe;
import org.selfkms.api.health.KmsProbes;
import org.selfkms.audit.AuditWriterBean;
import org.selfkms.token.TokenStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The KMS's readiness probes - database, token, domain key, audit writer - registered with {@link KmsProbes} once the
 * audit writer runs, for the MicroProfile Health checks in the EAR's lib/ (docs/observability.md, "Health"). Each
 * probe's answer says why it is DOWN, never with material or secrets.
 */
@Singleton
@Startup
@DependsOn("AuditWriterBean")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthProbes {

    private static final int QUERY_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @EJB
    private AuditWriterBean auditWriter;

    @Inject
    private TokenRoundTrip token;

    @PostConstruct
    void register() {
        // a first probe here, on a thread of the deployment: the beans it needs are created now, with the deployment's
        // resources, not later on the management thread that serves /health (which has no naming context)
        token.result();
        KmsProbes.register(KmsProbes.DATABASE, this::database);
        KmsProbes.register(KmsProbes.TOKEN, this::token);
        KmsProbes.register(KmsProbes.DOMAIN_KEY, this::domainKey);
        KmsProbes.register(KmsProbes.AUDIT_WRITER, this::auditWriter);
    }

    @PreDestroy
    void unregister() {
        for (String name : new String[] {KmsProbes.DATABASE, KmsProbes.TOKEN, KmsProbes.DOMAIN_KEY, KmsProbes.AUDIT_WRITER}) {
            KmsProbes.unregister(name);
        }
    }

    /** A trivial query within {@value #QUERY_TIMEOUT_SECONDS} seconds. */
    private KmsProbe.Result database() {
        try (Connection db = dataSource.getConnection(); Statement query = db.createStatement()) {
            query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet row = query.executeQuery("SELECT 1")) {
                return row.next() ? KmsProbe.Result.up(Map.of()) : KmsProbe.Result.down("SELECT 1 returned no row");
            }
        } catch (SQLException | RuntimeException e) {
            // the driver's message names the failure (refused, timed out), never a password
            return KmsProbe.Result.down(String.valueOf(e.getMessage()));
        }
    }

    /** The token answers a real operation (rate-limited: {@link TokenRoundTrip}). */
    private KmsProbe.Result token() {
        TokenRoundTrip.Result result = token.result();
        Map<String, Object> data = new LinkedHashMap<>();
        if (result.status() != null) {
            data.put("backend", result.status().backend());
        }
        if (result.failure() != null) {
            data.put("failure", result.failure());
        }
        return new KmsProbe.Result(result.reachable(), data);
    }

    /** The active domain key is in the token, and bytes wrapped under it came back unchanged. */
    private KmsProbe.Result domainKey() {
        TokenRoundTrip.Result result = token.result();
        TokenStatus status = result.status();
        if (status == null) {
            return KmsProbe.Result.down("the token did not answer");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("activeVersion", status.activeDomainKeyVersion());
        data.put("versions", status.domainKeyVersions().size());
        boolean present = status.domainKeyVersions().contains(status.activeDomainKeyVersion());
        if (!present) {
            data.put("failure", "the active domain key is not in the token");
        } else if (!result.roundTrip()) {
            data.put("failure", "the active domain key did not wrap and unwrap");
        }
        return new KmsProbe.Result(present && result.roundTrip(), data);
    }

    /** Every request needs its record written: a writer that stopped or is stuck fails them all. */
    private KmsProbe.Result auditWriter() {
        Optional<String> unhealthy = auditWriter.unhealthy();
        return unhealthy.map(KmsProbe.Result::down)
                .orElseGet(() -> KmsProbe.Result.up(Map.of("queued", auditWriter.queueDepth())));
    }
}
