package org.selfkms.rest.v1;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.selfkms.api.json.StrictJson;
import org.selfkms.api.audit.AuditCheckpoint;
import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.api.audit.AuditPage;
import org.selfkms.api.audit.AuditPosition;
import org.selfkms.api.audit.AuditQuery;
import org.selfkms.api.audit.AuditRecord;
import org.selfkms.api.audit.ChainVerification;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.selfkms.api.json.Jsons;

/**
 * The caller's audit trail: {@code GET /audit-records} (newest first, filtered, keyset-paged),
 * {@code GET|POST /audit-records/verification} (the trail check, optionally against an exported checkpoint), the newest
 * signed checkpoint and the key that verifies checkpoints. kms-ejb scopes all to the caller's tenant and requires
 * READ_AUDIT; the cursor also names the tenant, so a cursor is refused by every other tenant.
 */
@Path("/audit-records")
@ApplicationScoped
public class AuditResource extends V1Door {

    static final int DEFAULT_LIMIT = 50;
    private static final Set<String> SEARCH_PARAMETERS = Set.of("limit", "cursor", "from", "to", "keyId", "action",
            "principal", "outcome", "platform");
    /** RFC 3339 date-times are shorter; anything longer is refused before it is parsed. */
    private static final int MAX_TIME_CHARS = 40;
    /** Longer than any checkpoint this server writes (kms-ejb refuses what it did not write anyway). */
    private static final int MAX_STATEMENT_CHARS = 16_000;
    private static final int MAX_SIGNATURE_CHARS = 256;


    @Context
    private UriInfo uri;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response search() {
        return serve("SearchAuditTrail", null, (kms, caller) -> {
            Map<String, String> query = KeyResource.singleValued(uri.getQueryParameters(), SEARCH_PARAMETERS);
            int limit = KeyResource.integer(query.get("limit"), "limit", 1, AuditQuery.MAX_LIMIT).orElse(DEFAULT_LIMIT);
            Long from = time(query.get("from"), "from");
            Long to = time(query.get("to"), "to");
            if (from != null && to != null && from > to) {
                throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "'from' is after 'to'");
            }
            String keyId = BoundedText.check(query.get("keyId"), "keyId", 128);
            String action = BoundedText.check(query.get("action"), "action", 64);
            String principal = BoundedText.check(query.get("principal"), "principal", 128);
            AuditOutcome outcome = Optional.ofNullable(query.get("outcome")).map(AuditResource::outcome).orElse(null);
            boolean platform = platform(query.get("platform"));
            String filters = Jsons.array().add(caller.tenantId()).add(platform).add(String.valueOf(from))
                    .add(String.valueOf(to)).add(String.valueOf(keyId)).add(String.valueOf(action))
                    .add(String.valueOf(principal)).add(String.valueOf(outcome)).build().toString();
            AuditPosition before = Cursor.auditBookmark(query.get("cursor"), filters);
            AuditPage page = kms.auditTrail().query(caller, new AuditQuery(from, to, keyId, action, principal, outcome, before, limit, platform));
            JsonArrayBuilder records = Jsons.array();
            page.records().forEach(r -> records.add(json(r)));
            JsonObjectBuilder body = Jsons.object().add("records", records);
            if (page.nextBefore() != null) {
                body.add("nextCursor", Cursor.next(page.nextBefore(), filters));
            }
            return Answer.ok(body.build());
        });
    }

    @GET
    @Path("/verification")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify() {
        return serve("VerifyAuditChain", null, (kms, caller) -> {
            return Answer.ok(json(kms.auditTrail().verify(caller, platformOnly(), null)));
        });
    }

    /** The verification held against a checkpoint exported earlier: the body is that checkpoint as exported. */
    @POST
    @Path("/verification")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response verifyAgainst(InputStream in) {
        return serve("VerifyAuditChain", null, (kms, caller) -> {
            boolean platform = platformOnly(); // the query first, then the body
            JsonInput body = body(in, "statement", "signature");
            AuditCheckpoint anchor = new AuditCheckpoint(body.requiredString("statement", MAX_STATEMENT_CHARS),
                    body.requiredString("signature", MAX_SIGNATURE_CHARS));
            return Answer.ok(json(kms.auditTrail().verify(caller, platform, anchor)));
        });
    }

    /** The newest signed checkpoint, to keep outside the database (docs/operations.md). */
    @GET
    @Path("/checkpoints/latest")
    @Produces(MediaType.APPLICATION_JSON)
    public Response latestCheckpoint() {
        return serve("ExportAuditCheckpoint", null, (kms, caller) -> {
            AuditCheckpoint checkpoint = kms.auditTrail().latestCheckpoint(caller, platformOnly());
            return Answer.ok(Jsons.object().add("statement", checkpoint.statement()).add("signature", checkpoint.signature()).build());
        });
    }

    /** The key that verifies checkpoint signatures (ECDSA P-256, SHA-256), as PEM. */
    @GET
    @Path("/checkpoint-key")
    @Produces(MediaType.APPLICATION_JSON)
    public Response checkpointKey() {
        return serve("GetAuditCheckpointKey", null, (kms, caller) -> {
            KeyResource.singleValued(uri.getQueryParameters(), Set.of());
            return Answer.ok(Jsons.object().add("algorithm", "ECDSA_P256_SHA256")
                    .add("publicKey", kms.auditTrail().checkpointPublicKey(caller)).build());
        });
    }

    static jakarta.json.JsonObject json(ChainVerification result) {
        JsonObjectBuilder body = Jsons.object().add("intact", result.intact())
                .add("recordsChecked", result.recordsChecked()).add("segmentsChecked", result.segmentsChecked())
                .add("checkpointsChecked", result.checkpointsChecked()).add("latestCheckpoint", result.latestCheckpoint());
        if (result.problem() != null) {
            body.add("problem", result.problem());
        }
        return body.build();
    }

    /** A record as the trail holds it; the tenant is left out, being always the caller's own. */
    static JsonObjectBuilder json(AuditRecord record) {
        JsonObjectBuilder out = Jsons.object()
                .add("segment", String.valueOf(record.segment()))
                .add("sequence", record.sequence())
                .add("time", Instant.ofEpochMilli(record.time()).toString())
                .add("door", record.door())
                .add("principal", record.principal())
                .add("action", record.action());
        if (record.keyId() != null) {
            out.add("keyId", record.keyId());
        }
        out.add("requestId", record.requestId()).add("sourceAddress", record.sourceAddress())
                .add("outcome", record.outcome().name());
        if (record.errorCode() != null) {
            out.add("errorCode", record.errorCode());
        }
        return out;
    }

    /** An RFC 3339 date-time with its offset, as epoch milliseconds. */
    private static Long time(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() <= MAX_TIME_CHARS) {
                return OffsetDateTime.parse(value).toInstant().toEpochMilli();
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // refused below, as a value too long is
        }
        throw new KmsException(KmsErrorCode.INVALID_PARAMETER,
                "The parameter '" + name + "' must be an RFC 3339 date-time such as 2026-01-31T08:00:00Z");
    }

    private static AuditOutcome outcome(String value) {
        return Arrays.stream(AuditOutcome.values()).filter(o -> o.name().equals(value)).findFirst()
                .orElseThrow(() -> new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                        "'" + StrictJson.printable(value) + "' is not a valid outcome: ALLOWED, DENIED or FAILED"));
    }

    /** {@link #platform} of a request whose only query parameter may be {@code platform}. */
    private boolean platformOnly() {
        return platform(KeyResource.singleValued(uri.getQueryParameters(), Set.of("platform")).get("platform"));
    }

    /** The platform chain (requests of unknown identities) instead of the tenant's; kms-ejb decides who may read it. */
    private static boolean platform(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "The parameter 'platform' must be true or false");
    }
}
