package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.selfkms.api.crypto.EnvelopeCrypto;
import org.selfkms.api.datakey.DataKeyImport;
import org.selfkms.api.datakey.DataKeyMetadata;
import org.selfkms.api.datakey.DataKeyPage;
import org.selfkms.api.datakey.DataKeyQuery;
import org.selfkms.api.datakey.DataKeyState;
import org.selfkms.api.datakey.GeneratedDataKey;
import org.selfkms.api.datakey.HostedDataKeys;
import org.selfkms.api.datakey.NewDataKey;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.json.Jsons;
import org.selfkms.api.key.KeyRole;
import org.selfkms.api.key.KeyTag;
import org.selfkms.api.key.TagFilter;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.selfkms.rest.v1.KeyResource.checked;

/**
 * Data keys the KMS hosts (Tencent's hosted data keys): {@code /data-keys} and {@code /data-keys/{dataKeyId}} with
 * their actions. One {@link HostedDataKeys} call each, recorded under the Tencent action of the same meaning and
 * the data key's id; every rule (names, states, the root CMK's state and policy, roles) is kms-ejb's.
 */
@Path("/data-keys")
@ApplicationScoped
public class DataKeyResource extends V1Door {

    private static final Set<String> LIST_PARAMETERS = Set.of("limit", "cursor", "keyRef", "state", "search", "tagKey", "tagValue");
    /** Data-key ids are UUIDs (kms-ejb checks their form); this only bounds what reaches it. */
    private static final int MAX_ID_CHARS = 64;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response generate(InputStream in) {
        return serve("GenerateDataKey", null, (kms, caller) -> {
            JsonInput body = body(in, "keyRef", "name", "description", "keySpec", "numberOfBytes", "encryptionContext", "tags");
            NewDataKey request = new NewDataKey(checked(body.requiredString("keyRef", 128)), name(body), description(body),
                    KeyResource.dataKeyLength(body), body.encryptionContext("encryptionContext").orElse(null), tags(body));
            GeneratedDataKey generated = kms.dataKeys().generate(caller, request);
            try {
                DataKeyMetadata dataKey = generated.metadata();
                return new Answer(201, DataKeyJson.of(dataKey)
                        .add("plaintext", Base64.getEncoder().encodeToString(generated.plaintext()))
                        .add("ciphertextBlob", generated.ciphertextBlob()).build(), location(dataKey));
            } finally {
                Arrays.fill(generated.plaintext(), (byte) 0);
            }
        });
    }

    /** Exactly one of {@code ciphertextBlob} (of {@code POST /keys/{keyRef}/data-keys}, no context) and {@code plaintext}. */
    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importDataKey(InputStream in) {
        return serve("ImportDataKey", null, (kms, caller) -> {
            JsonInput body = body(in, "keyRef", "name", "description", "tags", "ciphertextBlob", "plaintext");
            if (body.has("ciphertextBlob") && body.has("plaintext")) {
                throw JsonInput.invalid("Give either ciphertextBlob or plaintext, not both");
            }
            if (!body.has("ciphertextBlob") && !body.has("plaintext")) {
                throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "Give the data key as ciphertextBlob or as plaintext");
            }
            String keyRef = body.string("keyRef", 128).map(KeyResource::checked).orElse(null);
            String name = name(body);
            String description = description(body);
            List<KeyTag> tags = tags(body);
            DataKeyImport request = body.has("plaintext")
                    ? DataKeyImport.ofPlaintext(keyRef, name, description,
                            body.requiredBase64("plaintext", EnvelopeCrypto.MAX_DATA_KEY_BYTES), tags)
                    : DataKeyImport.ofCiphertext(keyRef, name, description,
                            body.requiredString("ciphertextBlob", DataResource.MAX_BLOB_CHARS), tags);
            try {
                DataKeyMetadata imported = kms.dataKeys().importDataKey(caller, request);
                return new Answer(201, DataKeyJson.of(imported).build(), location(imported));
            } finally {
                request.erase();
            }
        });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return serve("ListDataKeyDetail", null, (kms, caller) -> {
            Map<String, String> query = KeyResource.singleValued(uri.getQueryParameters(), LIST_PARAMETERS);
            int limit = KeyResource.integer(query.get("limit"), "limit", 1, KeyResource.MAX_LIMIT).orElse(KeyResource.DEFAULT_LIMIT);
            String keyRef = Optional.ofNullable(query.get("keyRef")).map(KeyResource::checked).orElse(null);
            DataKeyState state = Optional.ofNullable(query.get("state")).map(s -> KeyResource.parse(s, DataKeyResource::state,
                    KmsErrorCode.INVALID_PARAMETER_VALUE, "state")).orElse(null);
            String search = KeyResource.search(query);
            List<TagFilter> tagFilters = KeyResource.tagFilter(query.get("tagKey"), query.get("tagValue"));
            String filters = "dataKeys&keyRef=" + keyRef + "&state=" + state + "&search=" + search
                    + KeyResource.tagFilterText(query, tagFilters);
            int position = Cursor.position(query.get("cursor"), filters);
            // oldest first, as keys: data keys created while a client pages through appear on its last page
            DataKeyPage page = kms.dataKeys().list(caller, new DataKeyQuery(position, limit, true, state, search, null, keyRef, 0,
                    tagFilters, KeyRole.USER));
            return Answer.ok(KeyResource.pageBody("dataKeys", page.dataKeys(), DataKeyJson::of, page.totalCount(), position, filters));
        });
    }

    @GET
    @Path("/{dataKeyId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response describe(@PathParam("dataKeyId") String dataKeyId) {
        return serve("DescribeDataKey", dataKeyId, (kms, caller) ->
                Answer.ok(DataKeyJson.of(kms.dataKeys().describe(caller, checkedId(dataKeyId))).build()));
    }

    @PATCH
    @Path("/{dataKeyId}")
    @Consumes(MediaType.WILDCARD)
    public Response updateDescription(@PathParam("dataKeyId") String dataKeyId, InputStream in) {
        return serve("UpdateDataKeyDescription", dataKeyId, (kms, caller) -> {
            JsonInput body = body(in, "description");
            // a present but empty description clears it, so only absence is refused
            String description = body.string("description", HostedDataKeys.MAX_DESCRIPTION_BYTES)
                    .orElseThrow(() -> JsonInput.missing("description"));
            kms.dataKeys().updateDescription(caller, checkedId(dataKeyId), description);
            return Answer.noContent();
        });
    }

    @PUT
    @Path("/{dataKeyId}/name")
    @Consumes(MediaType.WILDCARD)
    public Response rename(@PathParam("dataKeyId") String dataKeyId, InputStream in) {
        return serve("UpdateDataKeyName", dataKeyId, (kms, caller) -> {
            String name = name(body(in, "name"));
            kms.dataKeys().rename(caller, checkedId(dataKeyId), name);
            return Answer.noContent();
        });
    }

    @POST
    @Path("/{dataKeyId}/enable")
    @Consumes(MediaType.WILDCARD)
    public Response enable(@PathParam("dataKeyId") String dataKeyId, InputStream in) {
        return change("EnableDataKey", dataKeyId, in, (dataKeys, caller, id) -> dataKeys.enable(caller, List.of(id)));
    }

    @POST
    @Path("/{dataKeyId}/disable")
    @Consumes(MediaType.WILDCARD)
    public Response disable(@PathParam("dataKeyId") String dataKeyId, InputStream in) {
        return change("DisableDataKey", dataKeyId, in, (dataKeys, caller, id) -> dataKeys.disable(caller, List.of(id)));
    }

    @POST
    @Path("/{dataKeyId}/schedule-deletion")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response scheduleDeletion(@PathParam("dataKeyId") String dataKeyId, InputStream in) {
        return scheduleDeletion("ScheduleDataKeyDeletion", dataKeyId, in,
                (kms, caller, days) -> kms.dataKeys().scheduleDeletion(caller, checkedId(dataKeyId), days));
    }

    @POST
    @Path("/{dataKeyId}/cancel-deletion")
    @Consumes(MediaType.WILDCARD)
    public Response cancelDeletion(@PathParam("dataKeyId") String dataKeyId, InputStream in) {
        return change("CancelDataKeyDeletion", dataKeyId, in, HostedDataKeys::cancelDeletion);
    }

    @GET
    @Path("/{dataKeyId}/ciphertext")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ciphertext(@PathParam("dataKeyId") String dataKeyId) {
        return serve("GetDataKeyCiphertextBlob", dataKeyId, (kms, caller) -> Answer.ok(Jsons.object()
                .add("ciphertextBlob", kms.dataKeys().ciphertextBlob(caller, checkedId(dataKeyId))).build()));
    }

    /** POST, not GET: it hands out the secret, and a GET may be cached or logged along the way. */
    @POST
    @Path("/{dataKeyId}/plaintext")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response plaintext(@PathParam("dataKeyId") String dataKeyId, InputStream in) {
        return serve("GetDataKeyPlaintext", dataKeyId, (kms, caller) -> {
            body(in);
            return DataResource.plaintextAnswer(kms.dataKeys().plaintext(caller, checkedId(dataKeyId)));
        });
    }

    /** One call of the data-key service on the data key in the path. */
    @FunctionalInterface
    private interface DataKeyCall {
        void apply(HostedDataKeys dataKeys, Caller caller, String dataKeyId);
    }

    /** A change that takes no body and answers 204. */
    private Response change(String action, String dataKeyId, InputStream in, DataKeyCall call) {
        return bodilessChange(action, dataKeyId, in, (kms, caller) -> call.apply(kms.dataKeys(), caller, checkedId(dataKeyId)));
    }

    private static String checkedId(String dataKeyId) {
        if (dataKeyId == null || dataKeyId.isEmpty() || dataKeyId.length() > MAX_ID_CHARS) {
            throw new KmsException(KmsErrorCode.DATA_KEY_ID_INVALID, "The data key id is not valid");
        }
        return dataKeyId;
    }

    /** The name's characters and uniqueness are kms-ejb's rules; here only its presence and length. */
    private static String name(JsonInput body) {
        return body.requiredString("name", HostedDataKeys.MAX_NAME_CHARS);
    }

    /** At most 100 bytes in UTF-8 (kms-ejb's rule), so never more than 100 characters. */
    private static String description(JsonInput body) {
        return body.string("description", HostedDataKeys.MAX_DESCRIPTION_BYTES).orElse("");
    }

    private static List<KeyTag> tags(JsonInput body) {
        return body.stringMap("tags", 50, 255).map(KeyResource::tags).orElse(List.of());
    }

    private static String location(DataKeyMetadata dataKey) {
        return "/api/v1/data-keys/" + dataKey.dataKeyId();
    }

    private static Optional<DataKeyState> state(String value) {
        return Arrays.stream(DataKeyState.values()).filter(s -> s.name().equals(value)).findFirst();
    }
}
