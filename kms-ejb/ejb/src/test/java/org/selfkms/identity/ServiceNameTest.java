package org.selfkms.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServiceNameTest {

    @Test
    void serviceNamesAreShortLowerCaseWords() {
        for (String good : new String[]{"cos", "cdb", "ab", "tdsql2", "a".repeat(32)}) {
            assertDoesNotThrow(() -> Credentials.checkServiceName(good), good);
        }
        // the name becomes the alias kms-<service> and the key's Owner: nothing that could break either
        for (String bad : new String[]{null, "", "c", "Cos", "2cos", "co-s", "co_s", "a".repeat(33), "user"}) {
            assertThrows(IllegalArgumentException.class, () -> Credentials.checkServiceName(bad), String.valueOf(bad));
        }
    }
}
