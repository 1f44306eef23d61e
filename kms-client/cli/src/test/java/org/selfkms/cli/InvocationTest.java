package org.selfkms.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvocationTest {

    private final Invocation invocation = new Invocation(Map.of("SELFKMS_SECRET_KEY", "s3cret-value", "SELFKMS_URL", ""),
            new ByteArrayInputStream(new byte[0]), System.out, System.err, null);

    @Test
    void anEmptyVariableCountsAsUnset() {
        assertEquals("s3cret-value", invocation.env("SELFKMS_SECRET_KEY"));
        assertNull(invocation.env("SELFKMS_URL"), "SELFKMS_CACERT=\"${KMS_CA:-}\" with KMS_CA unset means no certificate file");
        assertNull(invocation.env("HOME"));
    }

    @Test
    void toStringNamesTheVariablesButNeverTheirValues() {
        assertTrue(invocation.toString().contains("SELFKMS_SECRET_KEY"));
        assertFalse(invocation.toString().contains("s3cret-value"));
    }
}
