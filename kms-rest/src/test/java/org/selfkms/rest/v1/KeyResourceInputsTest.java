package org.selfkms.rest.v1;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyTag;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The input rules the key lifecycle, tag and import resources add to the strict JSON reading. */
class KeyResourceInputsTest {

    private static KmsErrorCode refusal(Runnable call) {
        return assertThrows(KmsException.class, call::run).code();
    }

    private static JsonInput parse(String json, String... fields) {
        return JsonInput.parse(json.getBytes(StandardCharsets.UTF_8), fields);
    }

    @Test
    void aRequiredIntegerMustBeThereAndBeAnInteger() {
        assertEquals(7, parse("{\"days\":7}", "days").requiredInteger("days", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals(-3, parse("{\"days\":-3}", "days").requiredInteger("days", Integer.MIN_VALUE, Integer.MAX_VALUE),
                "the range is the service's to judge");
        assertEquals(KmsErrorCode.MISSING_PARAMETER, refusal(() -> parse("{}", "days").requiredInteger("days", 0, 9)));
        assertEquals(KmsErrorCode.MISSING_PARAMETER, refusal(() -> parse("{\"days\":null}", "days").requiredInteger("days", 0, 9)));
        assertEquals(KmsErrorCode.INVALID_PARAMETER, refusal(() -> parse("{\"days\":\"7\"}", "days").requiredInteger("days", 0, 9)));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, refusal(() ->
                parse("{\"days\":99999999999999}", "days").requiredInteger("days", Integer.MIN_VALUE, Integer.MAX_VALUE)));
    }

    @Test
    void validToIsAnRfc3339TimeInUtc() {
        assertEquals(1924992000L, KeyImportResource.unixSeconds("2031-01-01T00:00:00Z"));
        for (String bad : List.of("tomorrow", "1924992000", "2031-01-01", "")) {
            assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, refusal(() -> KeyImportResource.unixSeconds(bad)), bad);
        }
    }

    @Test
    void tagsAreHandedOnOrderedByTagKey() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("team", "billing");
        pairs.put("env", "prod");
        assertEquals(List.of(new KeyTag("env", "prod"), new KeyTag("team", "billing")), KeyResource.tags(pairs));
    }
}
