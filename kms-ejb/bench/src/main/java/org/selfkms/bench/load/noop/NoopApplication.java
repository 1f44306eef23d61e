package org.selfkms.bench.load.noop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * BENCHMARK ONLY: the floor of the load benchmark. run-load-benchmark.sh packs this package alone into
 * {@code kms-noop.war} and deploys it beside the KMS into the same scratch server, so a request through it pays
 * exactly what the platform (Undertow, RESTEasy, CDI) charges for a POST, and nothing of the KMS.
 */
@ApplicationPath("/")
public class NoopApplication extends Application {
}
