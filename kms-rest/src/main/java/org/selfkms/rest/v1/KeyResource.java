package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.selfkms.api.json.StrictJson;
import org.selfkms.api.crypto.Ciphertext;
import org.selfkms.api.crypto.DataKey;
import org.selfkms.api.crypto.EnvelopeCrypto;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyPage;
import org.selfkms.api.key.KeyPolicy;
import org.selfkms.api.key.KeyQuery;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyTag;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.NewKey;
import org.selfkms.api.key.ProtectionLevel;
import org.selfkms.api.key.TagFilter;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.selfkms.api.json.Jsons;

/** Keys as resources: {@code /keys} and {@code /keys/{keyRef}} with their actions. One service call each. */
@Path("/keys")
@ApplicationScoped
public class KeyResource extends V1Door {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;
    private static final Set<String> LIST_PARAMETERS = Set.of("limit", "cursor", "state", "usage", "search", "tagKey", "tagValue");



    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream in) {
        return serve("CreateKey", null, (kms, caller) -> {
            JsonInput body = body(in, "alias", "description", "usage", "origin", "protectionLevel", "tags", "policy", "rotateDays");
            NewKey request = new NewKey(body.requiredString("alias", 60), body.string("description", 1024).orElse(""),
                    body.string("usage", 64).map(s -> parse(s, KeyUsage::parse, KmsErrorCode.KEY_USAGE_INVALID, "usage")).orElse(null),
                    body.string("origin", 32).map(s -> parse(s, KeyResource::origin, KmsErrorCode.INVALID_PARAMETER_VALUE, "origin")).orElse(null),
                    body.string("protectionLevel", 32).map(s -> parse(s, KeyResource::protectionLevel,
                            KmsErrorCode.INVALID_PARAMETER_VALUE, "protectionLevel")).orElse(null),
                    body.stringMap("tags", 50, 255).map(KeyResource::tags).orElse(List.of()),
                    body.keyPolicy("policy").orElse(KeyPolicy.NONE),
                    body.integer("rotateDays", Integer.MIN_VALUE, Integer.MAX_VALUE).orElse(0));
            KeyMetadata key = kms.keys().createKey(caller, request);
            return new Answer(201, KeyJson.of(key).build(), "/api/v1/keys/" + key.keyId());
        });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return serve("ListKeys", null, (kms, caller) -> {
            Map<String, String> query = singleValued(uri.getQueryParameters(), LIST_PARAMETERS);
            int limit = integer(query.get("limit"), "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
            KeyState state = Optional.ofNullable(query.get("state")).map(s -> parse(s, KeyResource::listedState,
                    KmsErrorCode.INVALID_PARAMETER_VALUE, "state")).orElse(null);
            KeyUsage usage = Optional.ofNullable(query.get("usage")).map(s -> parse(s, KeyUsage::parse, KmsErrorCode.KEY_USAGE_INVALID, "usage"))
                    .orElse(null);
            String search = search(query);
            List<TagFilter> tagFilters = tagFilter(query.get("tagKey"), query.get("tagValue"));
            String filters = "state=" + state + "&usage=" + usage + "&search=" + search + tagFilterText(query, tagFilters);
            int position = Cursor.position(query.get("cursor"), filters);
            // oldest first: keys created while a client pages through appear on its last page, not shifting earlier ones
            KeyPage page = kms.keys().listKeyDetail(caller, new KeyQuery(position, limit, true, state, search, null, usage, tagFilters));
            return Answer.ok(pageBody("keys", page.keys(), KeyJson::of, page.totalCount(), position, filters));
        });
    }

    @GET
    @Path("/{keyRef}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response describe(@PathParam("keyRef") String keyRef) {
        return serve("DescribeKey", keyRef, (kms, caller) -> {
            KeyMetadata key = kms.keys().describeKey(caller, checked(keyRef));
            return Answer.ok(KeyJson.of(key).build());
        });
    }

    @POST
    @Path("/{keyRef}/enable")
    @Consumes(MediaType.WILDCARD)
    public Response enable(@PathParam("keyRef") String keyRef, InputStream in) {
        return bodilessChange("EnableKey", keyRef, in, (kms, caller) -> kms.keys().enableKey(caller, checked(keyRef)));
    }

    @POST
    @Path("/{keyRef}/disable")
    @Consumes(MediaType.WILDCARD)
    public Response disable(@PathParam("keyRef") String keyRef, InputStream in) {
        return bodilessChange("DisableKey", keyRef, in, (kms, caller) -> kms.keys().disableKey(caller, checked(keyRef)));
    }

    @POST
    @Path("/{keyRef}/encrypt")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response encrypt(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("Encrypt", keyRef, (kms, caller) -> {
            JsonInput body = body(in, "plaintext", "encryptionContext");
            byte[] plaintext = body.requiredBase64("plaintext", EnvelopeCrypto.MAX_PLAINTEXT_BYTES);
            try {
                Ciphertext ciphertext = kms.envelopes().encrypt(caller, checked(keyRef), plaintext, body.encryptionContext("encryptionContext").orElse(null));
                return Answer.ok(Jsons.object().add("keyId", ciphertext.keyId())
                        .add("ciphertextBlob", ciphertext.blob()).build());
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        });
    }

    @POST
    @Path("/{keyRef}/data-keys")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response generateDataKey(@PathParam("keyRef") String keyRef, InputStream in) {
        return serve("GenerateDataKey", keyRef, (kms, caller) -> {
            JsonInput body = body(in, "keySpec", "numberOfBytes", "encryptionContext");
            DataKey dataKey = kms.envelopes().generateDataKey(caller, checked(keyRef), dataKeyLength(body),
                    body.encryptionContext("encryptionContext").orElse(null));
            try {
                return Answer.ok(Jsons.object().add("keyId", dataKey.keyId())
                        .add("plaintext", Base64.getEncoder().encodeToString(dataKey.plaintext()))
                        .add("ciphertextBlob", dataKey.ciphertextBlob()).build());
            } finally {
                Arrays.fill(dataKey.plaintext(), (byte) 0);
            }
        });
    }

    /** A data key's length from {@code keySpec} ({@code AES_128}, {@code AES_256}: the default) or {@code numberOfBytes}. */
    static int dataKeyLength(JsonInput body) {
        if (body.has("keySpec") && body.has("numberOfBytes")) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "Give either keySpec or numberOfBytes, not both");
        }
        return body.integer("numberOfBytes", 1, EnvelopeCrypto.MAX_DATA_KEY_BYTES).orElseGet(() ->
                switch (body.string("keySpec", 16).orElse("AES_256")) {
                    case "AES_128" -> 16;
                    case "AES_256" -> 32;
                    default -> throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "keySpec must be AES_128 or AES_256");
                });
    }

    /** A key reference in the path: a key id or a bare alias (kms-ejb checks its form; this bounds its length). */
    static String checked(String keyRef) {
        if (keyRef == null || keyRef.isEmpty() || keyRef.length() > 128) {
            throw new KmsException(KmsErrorCode.KEY_ID_INVALID, "The key reference is neither a key id nor an alias");
        }
        return keyRef;
    }

    static List<KeyTag> tags(Map<String, String> pairs) {
        return new TreeMap<>(pairs).entrySet().stream().map(e -> new KeyTag(e.getKey(), e.getValue())).toList();
    }

    /** The {@code search} query parameter, at most 128 characters; null when absent. */
    static String search(Map<String, String> query) {
        String search = query.get("search");
        if (search != null && search.length() > 128) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "The parameter 'search' is longer than 128 characters");
        }
        return search;
    }

    /** The tag filter's part of a listing's filters, which its cursors are bound to. */
    static String tagFilterText(Map<String, String> query, List<TagFilter> tagFilters) {
        return tagFilters.isEmpty() ? "" : "&tagKey=" + query.get("tagKey") + "&tagValue=" + query.get("tagValue");
    }

    /**
     * One page of a listing that started at {@code position}: {@code {"<member>":[...],"totalCount":n}} and, when
     * more follow, the {@code nextCursor} bound to {@code filters}.
     */
    static <T> JsonObject pageBody(String member, List<T> items, Function<T, JsonObjectBuilder> json, long totalCount,
                                   int position, String filters) {
        JsonArrayBuilder array = Jsons.array();
        items.forEach(item -> array.add(json.apply(item)));
        JsonObjectBuilder body = Jsons.object().add(member, array).add("totalCount", totalCount);
        int next = position + items.size();
        if (!items.isEmpty() && next < totalCount) {
            body.add("nextCursor", Cursor.next(next, filters));
        }
        return body.build();
    }

    /** {@code tagKey} alone: keys carrying that tag; with {@code tagValue}: with that value. kms-ejb checks both. */
    static List<TagFilter> tagFilter(String tagKey, String tagValue) {
        if (tagKey == null) {
            if (tagValue != null) {
                throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "The parameter 'tagValue' needs 'tagKey'");
            }
            return List.of();
        }
        if (tagKey.length() > KeyTagResource.MAX_TAG_KEY_CHARS || (tagValue != null && tagValue.length() > 255)) {
            throw new KmsException(KmsErrorCode.TAG_INVALID, "A tag key has at most 127 characters, a value at most 255");
        }
        return List.of(new TagFilter(tagKey, tagValue == null ? List.of() : List.of(tagValue)));
    }

    private static Optional<KeyOrigin> origin(String value) {
        return Arrays.stream(KeyOrigin.values()).filter(o -> o.name().equals(value)).findFirst();
    }

    private static Optional<ProtectionLevel> protectionLevel(String value) {
        return Arrays.stream(ProtectionLevel.values()).filter(p -> p.name().equals(value)).findFirst();
    }

    /** Deleted keys are never shown. */
    private static Optional<KeyState> listedState(String value) {
        return Arrays.stream(KeyState.values()).filter(s -> s != KeyState.Deleted && s.name().equals(value)).findFirst();
    }

    static <T> T parse(String value, Function<String, Optional<T>> parser, KmsErrorCode code, String name) {
        return parser.apply(value).orElseThrow(() -> new KmsException(code, "'" + StrictJson.printable(value) + "' is not a valid " + name));
    }

    /** Query parameters: only the known ones, each at most once. */
    static Map<String, String> singleValued(MultivaluedMap<String, String> parameters, Set<String> known) {
        Map<String, String> single = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "Unknown query parameter '" + StrictJson.printable(entry.getKey())
                        + "'; the parameters are " + String.join(", ", new java.util.TreeSet<>(known)));
            }
            if (entry.getValue().size() != 1) {
                throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "The query parameter '" + entry.getKey() + "' is given more than once");
            }
            single.put(entry.getKey(), entry.getValue().get(0));
        }
        return single;
    }

    static Optional<Integer> integer(String value, String name, int min, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (!value.matches("\\d{1,9}")) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "The parameter '" + name + "' must be an integer");
        }
        int n = Integer.parseInt(value);
        if (n < min || n > max) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "The parameter '" + name + "' must be between " + min + " and " + max);
        }
        return Optional.of(n);
    }
}
