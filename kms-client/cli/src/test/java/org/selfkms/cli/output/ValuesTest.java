package org.selfkms.cli.output;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValuesTest {

    @Test
    void eachJsonTypeBecomesOneLine() {
        assertEquals("shop", Values.text(Json.createValue("shop")));
        assertEquals("42", Values.text(Json.createValue(42)));
        assertEquals("true", Values.text(JsonValue.TRUE));
        assertEquals("-", Values.text(JsonValue.NULL));
        assertEquals("-", Values.text(null));
        assertEquals("-", Values.text(JsonValue.EMPTY_JSON_OBJECT), "no tags");
        assertEquals("", Values.text(Json.createValue("")), "an empty string is a value, unlike an absent one");
        assertEquals("a=1, b=x y", Values.text(Json.createObjectBuilder().add("a", 1).add("b", "x\ny").build()));
        assertEquals("1, two", Values.text(Json.createArrayBuilder().add(1).add("two").build()));
    }
}
