package org.selfkms.settings;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The operator's list (docs/operations.md, "Settings") names every setting and secret the code reads. */
class SettingsDocumentedTest {

    private static final Path OPERATIONS = Path.of("../../docs/operations.md");

    @Test
    void everySettingAndSecretIsInTheOperatorsList() throws IOException {
        assumeTrue(Files.exists(OPERATIONS), "built outside the repository");
        String doc = Files.readString(OPERATIONS);
        for (Setting setting : Setting.values()) {
            assertTrue(doc.contains("`" + setting.property() + "`"), setting.property() + " is not in " + OPERATIONS);
            setting.legacyVariable().ifPresent(variable ->
                    assertTrue(doc.contains("`" + variable + "`"), variable + " is not in " + OPERATIONS));
        }
        for (Secret secret : Secret.values()) {
            assertTrue(doc.contains("`" + secret.variable() + "`"), secret.variable() + " is not in " + OPERATIONS);
        }
    }
}
