package org.selfkms.cli;

import org.selfkms.client.RestV1Session;

import java.util.StringJoiner;

/** A request's query string from the options that were given: absent ones are left out, values percent-encoded. */
public final class Query {

    private final StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");

    public Query add(String name, Object value) {
        if (value != null) {
            parameters.add(name + "=" + RestV1Session.query(value.toString()));
        }
        return this;
    }

    /** Adds {@code name=true} when the flag is set, nothing otherwise. */
    public Query flag(String name, boolean set) {
        return set ? add(name, "true") : this;
    }

    public Query copy() {
        Query copy = new Query();
        copy.parameters.merge(parameters);
        return copy;
    }

    @Override
    public String toString() {
        return parameters.toString();
    }
}
