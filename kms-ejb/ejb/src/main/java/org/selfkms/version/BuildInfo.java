package org.selfkms.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the build wrote into {@code org/selfkms/version/build-info.properties} (kms-ejb's pom: version, git commit,
 * build time). A value the build could not find - no git, no checkout - reads as {@value #UNKNOWN}, never as an
 * error: the KMS serves keys whatever its build knew about itself.
 */
record BuildInfo(String version, String commit, String buildTime) {

    static final String RESOURCE = "org/selfkms/version/build-info.properties";
    static final String UNKNOWN = "unknown";

    static BuildInfo ofThisBuild() {
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    /** @param in the properties, or null when the build left none */
    static BuildInfo read(InputStream in) throws IOException {
        Properties properties = new Properties();
        if (in != null) {
            properties.load(in);
        }
        return new BuildInfo(value(properties, "version"), value(properties, "commit"), value(properties, "build-time"));
    }

    /** A property as the build wrote it; blank, missing, or an Ant property the build never set is unknown. */
    private static String value(Properties properties, String name) {
        String value = properties.getProperty(name, "").trim();
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }
}
