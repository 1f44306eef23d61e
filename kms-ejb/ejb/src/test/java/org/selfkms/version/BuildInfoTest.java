package org.selfkms.version;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class BuildInfoTest {

    @Test
    void readsWhatTheBuildWrote() throws IOException {
        BuildInfo info = BuildInfo.read(new ByteArrayInputStream(
                "version=1.2.3\ncommit=0123abcd\nbuild-time=2026-12-04T21:00:00Z\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(new BuildInfo("1.2.3", "0123abcd", "2026-12-04T21:00:00Z"), info);
    }

    @Test
    void whatTheBuildCouldNotFindIsUnknown() throws IOException {
        // git missing: Ant leaves the property unexpanded; a blank value; no file at all
        BuildInfo info = BuildInfo.read(new ByteArrayInputStream(
                "version=1.2.3\ncommit=${git.commit}\nbuild-time=\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(new BuildInfo("1.2.3", "unknown", "unknown"), info);
        assertEquals(new BuildInfo("unknown", "unknown", "unknown"), BuildInfo.read(null));
    }

    @Test
    void thisBuildKnowsItsVersionAndTime() {
        // the build runs these tests after writing the file (kms-ejb's pom, generate-resources)
        BuildInfo info = BuildInfo.ofThisBuild();
        assertNotEquals("unknown", info.version());
        assertNotEquals("unknown", info.buildTime());
    }
}
