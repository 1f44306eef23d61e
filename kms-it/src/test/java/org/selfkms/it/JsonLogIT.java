package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.dmr.ValueExpression;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/operations.md, "Logs": the JSON format (KMS_LOG_FORMAT=json) writes one JSON object per line to server.json,
 * every line logged while a request is served carries its request id - in JSON as mdc.requestId, in server.log's text
 * in brackets - and neither holds a secret.
 *
 * <p>The server runs in the text format; the test turns server.json's handler on for its duration through the
 * management API (the level the switch sets), and makes Hibernate log each statement, which it does on the request's
 * own thread, so that requests log something.
 */
class JsonLogIT extends DeployedKms {

    private static final String JSON_HANDLER = "JSON-FILE";
    private static final String SWITCHED_LEVEL = "${kms.log.json-file-level.${kms.log.format,env.KMS_LOG_FORMAT:text}}";
    private static final String SQL_LOGGER = "org.hibernate.SQL";

    @Test
    void jsonLinesParseCarryTheRequestIdAndHoldNoSecret() throws Exception {
        Path logs = Path.of(System.getProperty("kms.it.server.dir"), "standalone", "log");
        Path json = logs.resolve("server.json");
        ServerProcess.LogPosition jsonBefore = ServerProcess.logPosition(json);
        ServerProcess.LogPosition textBefore = ServerProcess.logPosition();
        String tencentRequestId;
        String restRequestId;
        try (ModelControllerClient management = ModelControllerClient.Factory.create("127.0.0.1", managementPort())) {
            execute(management, writeLevel(new ModelNode("ALL")));
            execute(management, addSqlLogger());
            try {
                CreateKeyRequest create = new CreateKeyRequest();
                create.setAlias(uniqueAlias("json-log"));
                CreateKeyResponse created = kms().CreateKey(create);
                tencentRequestId = created.getRequestId();
                HttpResponse<String> rest = RestApiV1IT.post("/keys", "{\"alias\":\"" + uniqueAlias("json-log-rest") + "\"}",
                        RestApiV1IT.token(secretId(), secretKey()));
                assertEquals(201, rest.statusCode(), rest.body());
                restRequestId = rest.headers().firstValue("X-Request-Id").orElseThrow();
            } finally {
                execute(management, sqlLogger("remove"));
                execute(management, writeLevel(new ModelNode(new ValueExpression(SWITCHED_LEVEL))));
            }
        }

        String written = ServerProcess.logSince(jsonBefore);
        List<JsonObject> lines = new ArrayList<>();
        for (String line : written.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                lines.add(Json.createReader(new StringReader(line)).readObject());
            } catch (JsonParsingException e) {
                fail("not one JSON object: " + line, e);
            }
        }
        assertTrue(lines.size() > 2, "server.json got " + lines.size() + " lines");
        for (JsonObject line : lines) {
            assertTrue(line.containsKey("timestamp") && line.containsKey("level") && line.containsKey("loggerName")
                    && line.containsKey("message"), line.toString());
        }
        assertTrue(carries(lines, tencentRequestId), "no SQL line with mdc.requestId " + tencentRequestId + " in " + written);
        assertTrue(carries(lines, restRequestId), "no SQL line with mdc.requestId " + restRequestId + " in " + written);

        String text = ServerProcess.logSince(textBefore);
        assertTrue(text.lines().anyMatch(line -> line.contains("[" + SQL_LOGGER + "]") && line.contains("[" + tencentRequestId + "]")),
                "server.log's SQL lines carry the request id in brackets: " + text);

        for (String secret : List.of(secretKey(), adminPassword(), System.getProperty("kms.it.operator.password"))) {
            assertFalse(written.contains(secret), "a secret or password is in server.json");
        }
    }

    private static boolean carries(List<JsonObject> lines, String requestId) {
        return lines.stream().anyMatch(line -> SQL_LOGGER.equals(line.getString("loggerName", ""))
                && line.containsKey("mdc") && requestId.equals(line.getJsonObject("mdc").getString("requestId", "")));
    }

    private static ModelNode writeLevel(ModelNode level) {
        ModelNode op = new ModelNode();
        op.get("operation").set("write-attribute");
        op.get("address").add("subsystem", "logging").add("periodic-size-rotating-file-handler", JSON_HANDLER);
        op.get("name").set("level");
        op.get("value").set(level);
        return op;
    }

    private static ModelNode sqlLogger(String operation) {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").add("subsystem", "logging").add("logger", SQL_LOGGER);
        return op;
    }

    private static ModelNode addSqlLogger() {
        ModelNode op = sqlLogger("add");
        op.get("level").set("DEBUG");
        return op;
    }

    private static void execute(ModelControllerClient management, ModelNode op) throws Exception {
        ModelNode result = management.execute(op);
        assertEquals("success", result.get("outcome").asString(), op + " -> " + result);
    }
}
