package org.selfkms.rest.v1;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.selfkms.api.json.Jsons;

/**
 * A listing short enough to answer whole - a tenant's users or credentials, the tenants - as
 * {@code {"<member>": [...]}}: it takes no query parameters (any is refused before the service is called) and
 * has no pages.
 */
final class WholeListing {

    private WholeListing() {
    }

    static <T> V1Door.Answer of(UriInfo uri, String member, Supplier<List<T>> items, Function<T, JsonObjectBuilder> json) {
        KeyResource.singleValued(uri.getQueryParameters(), Set.of());
        JsonArrayBuilder array = Jsons.array();
        items.get().forEach(item -> array.add(json.apply(item)));
        return V1Door.Answer.ok(Jsons.object().add(member, array).build());
    }
}
