package org.selfkms.it;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The test server's test-only clock hooks (on because kms-it starts it with -Dkms.clock.adjustable=true),
 * driven over the management API the way an operator's tool would: the KMS clock's offset and a lifecycle
 * sweep on request are system properties of the running server.
 */
final class ServerClock {

    private static final String OFFSET = "kms.clock.offset-seconds";
    private static final String SWEEP_REQUEST = "kms.timers.sweep-request";
    private static final String SWEEP_DONE = "kms.timers.sweep-done";
    private static final Duration SWEEP_TIMEOUT = Duration.ofSeconds(60);

    private ServerClock() {
    }

    /** From now on the KMS believes it is {@code ahead} later than it is. */
    static void shift(Duration ahead) throws IOException {
        setProperty(OFFSET, Long.toString(ahead.toSeconds()));
    }

    /** Back to real time; other test classes share the server. */
    static void reset() throws IOException {
        ModelNode result = execute(operation("remove", OFFSET));
        if (!"success".equals(result.get("outcome").asString()) && !result.toString().contains("WFLYCTL0216")) {
            fail("could not reset the clock offset: " + result);
        }
    }

    /** Runs one lifecycle sweep on the server now and returns once it has finished. */
    static void sweepNow() throws Exception {
        String request = UUID.randomUUID().toString();
        setProperty(SWEEP_REQUEST, request);
        long deadline = System.nanoTime() + SWEEP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (request.equals(runtimeProperty(SWEEP_DONE))) {
                return;
            }
            Thread.sleep(200);
        }
        fail("the server did not finish the requested lifecycle sweep within " + SWEEP_TIMEOUT);
    }

    /** Sets a system property of the running server (the KMS reads its limits on each use). */
    static void setProperty(String name, String value) throws IOException {
        ModelNode write = operation("write-attribute", name);
        write.get("name").set("value");
        write.get("value").set(value);
        if (!"success".equals(execute(write).get("outcome").asString())) {
            ModelNode add = operation("add", name);
            add.get("value").set(value);
            ModelNode result = execute(add);
            assertEquals("success", result.get("outcome").asString(), result.toString());
        }
    }

    /** What the server's JVM holds now, including properties the application set itself. */
    private static String runtimeProperty(String name) throws IOException {
        ModelNode read = new ModelNode();
        read.get("operation").set("read-attribute");
        ModelNode address = read.get("address");
        address.add("core-service", "platform-mbean");
        address.add("type", "runtime");
        read.get("name").set("system-properties");
        ModelNode result = execute(read);
        assertEquals("success", result.get("outcome").asString(), result.toString());
        ModelNode properties = result.get("result");
        return properties.hasDefined(name) ? properties.get(name).asString() : null;
    }

    private static ModelNode operation(String name, String property) {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        op.get("address").add("system-property", property);
        return op;
    }

    private static ModelNode execute(ModelNode op) throws IOException {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("127.0.0.1",
                Integer.getInteger("kms.it.management.port", 10090))) {
            return client.execute(op);
        }
    }
}
