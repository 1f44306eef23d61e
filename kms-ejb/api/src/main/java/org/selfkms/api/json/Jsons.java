package org.selfkms.api.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

import java.io.Reader;

/**
 * The JSON-P provider of the whole server, looked up once. Every {@code Json.createXxx} call looks the provider up
 * anew through {@code ServiceLoader}, which in a deployment scans its jars for a service file: measured under load,
 * those look-ups cost more than all the request's cryptography (docs/performance.md). Use these instead of
 * {@code jakarta.json.Json}.
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder that starts with the members of {@code members}. */
    public static JsonObjectBuilder object(JsonObject members) {
        return PROVIDER.createObjectBuilder(members);
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonString string(String value) {
        return PROVIDER.createValue(value);
    }

    public static JsonProvider provider() {
        return PROVIDER;
    }

    public static JsonParser parser(Reader text) {
        return PROVIDER.createParser(text);
    }
}
