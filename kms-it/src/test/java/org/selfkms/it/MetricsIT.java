package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/observability.md, "Metrics": the management interface serves the KMS's meters in the Prometheus text format
 * through WildFly's Micrometer registry. Requests through both API doors move the request counters under the right
 * labels and fill the latency histograms; the audit writer, the token and the caches report; the keys gauge agrees
 * with the database; and the Grafana dashboard asks only for metrics that the server serves.
 */
class MetricsIT extends DeployedKms {

    private static final Path DOCS = Path.of(System.getProperty("user.dir")).resolveSibling("docs");
    private static final Duration CENSUS_WAIT = Duration.ofSeconds(30);

    @Deployment(name = "sql", order = 2, testable = false)
    public static WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    @Test
    void requestsOfBothDoorsAreCountedByActionAndOutcome() throws Exception {
        KmsClient kms = kms();
        CreateKeyRequest create = new CreateKeyRequest();
        String alias = uniqueAlias("metrics");
        create.setAlias(alias);
        String keyId = kms.CreateKey(create).getKeyId();
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext("bWV0cmljcw==");
        DecryptRequest decrypt = new DecryptRequest();
        decrypt.setCiphertextBlob(kms.Encrypt(encrypt).getCiphertextBlob());
        kms.Decrypt(decrypt); // served once: Decrypt has series of its own from here on
        String token = RestApiV1IT.token(secretId(), secretKey());

        PrometheusScrape before = PrometheusScrape.now();
        for (int i = 0; i < 3; i++) {
            kms.Encrypt(encrypt);
        }
        DecryptRequest tampered = new DecryptRequest();
        tampered.setCiphertextBlob(decrypt.getCiphertextBlob().substring(0, 40) + "AAAA" + decrypt.getCiphertextBlob().substring(44));
        assertThrows(TencentCloudSDKException.class, () -> kms.Decrypt(tampered));
        for (int i = 0; i < 2; i++) {
            assertEquals(200, RestApiV1IT.post("/keys/" + alias + "/encrypt", "{\"plaintext\":\"bWV0cmljcw==\"}", token).statusCode());
        }
        assertEquals(400, RestApiV1IT.post("/keys/" + alias + "/encrypt", "{\"plaintext\":\"not base64!\"}", token).statusCode());
        PrometheusScrape after = PrometheusScrape.now();

        assertMoved(before, after, 3, "kms_requests_total", "door", "tencent", "action", "Encrypt", "outcome", "ok");
        assertMoved(before, after, 1, "kms_requests_total", "door", "tencent", "action", "Decrypt", "outcome", "refused");
        assertMoved(before, after, 0, "kms_requests_total", "door", "tencent", "action", "Decrypt", "outcome", "ok");
        assertMoved(before, after, 2, "kms_requests_total", "door", "rest", "action", "Encrypt", "outcome", "ok");
        assertMoved(before, after, 1, "kms_requests_total", "door", "rest", "action", "Encrypt", "outcome", "refused");
        assertMoved(before, after, 0, "kms_requests_total", "door", "rest", "action", "Encrypt", "outcome", "failed");

        // a latency histogram per door and action: fixed buckets, cumulative, the last one counting every request
        List<PrometheusScrape.Sample> buckets = after.series("kms_request_duration_seconds_bucket", "door", "tencent", "action", "Encrypt");
        Map<Double, Double> byBound = new TreeMap<>();
        buckets.forEach(bucket -> byBound.put(Double.parseDouble(bucket.labels().get("le").replace("Inf", "Infinity")), bucket.value()));
        assertTrue(byBound.keySet().containsAll(List.of(0.001, 0.01, 0.1, 1.0, Double.POSITIVE_INFINITY)), "buckets: " + byBound);
        double previous = 0;
        for (double count : byBound.values()) {
            assertTrue(count >= previous, "buckets are cumulative: " + byBound);
            previous = count;
        }
        double count = after.value("kms_request_duration_seconds_count", "door", "tencent", "action", "Encrypt");
        assertEquals(count, byBound.get(Double.POSITIVE_INFINITY), "+Inf counts every request");
        assertTrue(count - before.value("kms_request_duration_seconds_count", "door", "tencent", "action", "Encrypt") >= 3);
        assertTrue(after.value("kms_request_duration_seconds_sum", "door", "tencent", "action", "Encrypt") > 0);

        // no key, tenant or request id ever becomes a label value
        for (String line : after.text.split("\n")) {
            if (line.startsWith("kms_")) {
                assertFalse(line.contains(keyId) || line.contains(alias), "a key's id in a label: " + line);
            }
        }
    }

    @Test
    void auditWriterTokenAndCachesReport() throws Exception {
        PrometheusScrape before = PrometheusScrape.now();
        KmsClient kms = kms();
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(uniqueAlias("metrics-audit"));
        String keyId = kms.CreateKey(create).getKeyId();
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext("bWV0cmljcw==");
        kms.Encrypt(encrypt);
        kms.Encrypt(encrypt);
        PrometheusScrape after = PrometheusScrape.now();

        assertTrue(after.value("kms_audit_batch_size_count") - before.value("kms_audit_batch_size_count") >= 1, "audit batches");
        assertTrue(after.value("kms_audit_batch_size_sum") - before.value("kms_audit_batch_size_sum") >= 3, "3 records at least");
        assertTrue(after.value("kms_audit_batch_commit_seconds_count") > before.value("kms_audit_batch_commit_seconds_count"));
        assertFalse(after.series("kms_audit_batch_commit_seconds_bucket", "le", "0.001").isEmpty(), after.names().toString());
        assertEquals(1, after.series("kms_audit_queue_depth").size(), "one audit queue gauge");

        String backend = System.getenv().getOrDefault("KMS_TOKEN_BACKEND", "software");
        // a new key's material is generated and wrapped in the token
        assertTrue(after.value("kms_token_operations_total", "backend", backend, "outcome", "ok")
                > before.value("kms_token_operations_total", "backend", backend, "outcome", "ok"), "token operations of " + backend);
        assertFalse(after.series("kms_token_operations_total", "backend", backend, "outcome", "unavailable").isEmpty());
        assertFalse(after.series("kms_token_operation_duration_seconds_count", "backend", backend).isEmpty());

        // the second Encrypt found the key in the directory
        assertTrue(after.value("kms_cache_lookups_total", "cache", "keys", "result", "hit")
                > before.value("kms_cache_lookups_total", "cache", "keys", "result", "hit"));
        assertFalse(after.series("kms_cache_lookups_total", "cache", "version_material", "result", "miss").isEmpty());
    }

    @Test
    void keysGaugeCountsTheDatabaseByState() throws Exception {
        Map<String, Long> database = new TreeMap<>();
        for (String row : ServerSql.run("SELECT key_state, COUNT(*) FROM kms_cmk GROUP BY key_state").split("\n")) {
            if (!row.isBlank()) {
                String[] columns = row.split("\t");
                database.put(columns[0], Long.parseLong(columns[1]));
            }
        }
        assertTrue(database.getOrDefault("Enabled", 0L) > 0, "keys created by this suite: " + database);
        // counted on the first scrape after its last count is 10 s old, on the server's executor
        Instant deadline = Instant.now().plus(CENSUS_WAIT);
        Map<String, Long> gauge;
        do {
            PrometheusScrape scrape = PrometheusScrape.now();
            gauge = new TreeMap<>();
            for (PrometheusScrape.Sample sample : scrape.series("kms_keys")) {
                if (sample.value() > 0) {
                    gauge.put(sample.labels().get("state"), (long) sample.value());
                }
            }
            if (gauge.equals(database)) {
                assertEquals(6, scrape.series("kms_keys").size(), "one series per key state, zero or not");
                return;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        assertEquals(database, gauge, "kms_keys after " + CENSUS_WAIT);
    }

    @Test
    void grafanaDashboardAsksOnlyForServedMetrics() throws Exception {
        // the dashboard's queries write every metric name followed by its label matchers: name{...}
        Pattern metric = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
        JsonObject dashboard = Json.createReader(new StringReader(Files.readString(DOCS.resolve("observability/grafana-dashboard.json")))).readObject();
        List<String> expressions = new ArrayList<>();
        collectExpressions(dashboard, expressions);
        Set<String> asked = new TreeSet<>();
        for (String expression : expressions) {
            Matcher names = metric.matcher(expression);
            boolean any = false;
            while (names.find()) {
                asked.add(names.group(1));
                any = true;
            }
            assertTrue(any, "a query without a name{...} selector: " + expression);
        }
        assertTrue(asked.size() >= 8, "the dashboard asks for " + asked);
        Set<String> served = PrometheusScrape.now().names();
        Set<String> missing = new TreeSet<>(asked);
        missing.removeAll(served);
        assertTrue(missing.isEmpty(), "the dashboard asks for metrics the server does not serve: " + missing);
        String prometheusConfig = Files.readString(DOCS.resolve("observability/prometheus.yml"));
        assertTrue(prometheusConfig.contains("metrics_path: /metrics") && prometheusConfig.contains(":9990"), prometheusConfig);
    }

    private static void collectExpressions(JsonValue value, List<String> into) {
        if (value instanceof JsonObject object) {
            object.forEach((key, child) -> {
                if (key.equals("expr") && child instanceof JsonString expression) {
                    into.add(expression.getString());
                } else {
                    collectExpressions(child, into);
                }
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(child -> collectExpressions(child, into));
        }
    }

    private static void assertMoved(PrometheusScrape before, PrometheusScrape after, double by, String name, String... labels) {
        assertEquals(by, after.value(name, labels) - before.value(name, labels), name + " " + List.of(labels));
    }
}
