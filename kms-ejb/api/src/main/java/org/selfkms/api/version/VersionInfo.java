package org.selfkms.api.version;

import java.io.Serializable;

/**
 * @param version       the Maven version of the build, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit        the git commit the build was made from, or {@code unknown} when it was built outside a
 *                      git checkout (from a source archive, say)
 * @param buildTime     when the build ran, ISO 8601 in UTC, e.g. {@code 2026-12-04T21:03:11Z}
 * @param schemaVersion the newest migration applied to the database this server uses ({@code kms_schema_version})
 */
public record VersionInfo(String version, String commit, String buildTime, int schemaVersion) implements Serializable {
}
