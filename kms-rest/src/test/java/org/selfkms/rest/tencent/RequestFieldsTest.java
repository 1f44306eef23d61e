package org.selfkms.rest.tencent;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.json.StrictJson;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestFieldsTest {

    private static RequestFields fields(String json) {
        return new RequestFields(StrictJson.readObject(new StringReader(json)).orElseThrow());
    }

    private static KmsErrorCode code(Runnable r) {
        return assertThrows(KmsException.class, r::run).code();
    }

    @Test
    void integersAlsoComeAsNumericStrings() {
        assertEquals(7L, fields("{\"Limit\":7}").optionalLong("Limit").orElseThrow());
        assertEquals(7L, fields("{\"Limit\":\"7\"}").optionalLong("Limit").orElseThrow());
        assertEquals(10L, fields("{}").longOrDefault("Limit", 10));
        assertEquals(10L, fields("{\"Limit\":null}").longOrDefault("Limit", 10));
        assertEquals(KmsErrorCode.INVALID_PARAMETER, code(() -> fields("{\"Limit\":\"seven\"}").optionalLong("Limit")));
        assertEquals(KmsErrorCode.INVALID_PARAMETER, code(() -> fields("{\"Limit\":1.5}").optionalLong("Limit")));
        assertEquals(KmsErrorCode.INVALID_PARAMETER, code(() -> fields("{\"Limit\":true}").optionalLong("Limit")));
        assertEquals(KmsErrorCode.INVALID_PARAMETER, code(() -> fields("{\"Limit\":123456789012345678901234567890}").optionalLong("Limit")));
    }

    @Test
    void stringsAreTyped() {
        assertEquals("k", fields("{\"KeyId\":\"k\"}").requiredString("KeyId"));
        assertEquals(KmsErrorCode.MISSING_PARAMETER, code(() -> fields("{}").requiredString("KeyId")));
        assertEquals(KmsErrorCode.MISSING_PARAMETER, code(() -> fields("{\"KeyId\":\"\"}").requiredString("KeyId")));
        assertEquals(KmsErrorCode.INVALID_PARAMETER, code(() -> fields("{\"KeyId\":[\"k\"]}").requiredString("KeyId")));
        assertTrue(fields("{\"Tags\":[]}").isPresent("Tags"));
    }

    @Test
    void base64IsCheckedWithTheCallersCode() {
        assertArrayEquals(new byte[]{1, 2, 3}, fields("{\"P\":\"AQID\"}").requiredBase64("P", KmsErrorCode.PLAINTEXT_INVALID));
        assertEquals(KmsErrorCode.PLAINTEXT_INVALID, code(() -> fields("{\"P\":\"%%%\"}").requiredBase64("P", KmsErrorCode.PLAINTEXT_INVALID)));
    }

    @Test
    void envelopesHaveTencentsShape() {
        assertEquals("{\"Response\":{\"Error\":{\"Code\":\"InvalidAction\",\"Message\":\"m\"},\"RequestId\":\"r\"}}",
                TencentJson.error("r", "InvalidAction", "m"));
        assertEquals("ResourceUnavailable.KeyPendingDelete", TencentErrorCodes.of(KmsErrorCode.KEY_PENDING_DELETE, "GenerateDataKey"));
        assertEquals("ResourceUnavailable.CmkStateNotSupport", TencentErrorCodes.of(KmsErrorCode.KEY_PENDING_DELETE, "Encrypt"));
    }
}
