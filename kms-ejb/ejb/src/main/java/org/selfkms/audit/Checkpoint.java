package org.selfkms.audit;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.selfkms.api.json.StrictJson;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A signed statement about a tenant's trail: "these segments had these heads". Checkpoints of a tenant form their
 * own chain (numbered from 1, each naming the SHA-256 of the statement before it), written by every writer of the
 * tenant - when it opens a segment (before the segment's first record is stored, so no segment exists that no
 * checkpoint names) and periodically for the segments whose heads moved. So one checkpoint binds all writers'
 * segments of the tenant up to it, and one checkpoint kept outside the database pins the whole trail up to it.
 *
 * <p>The statement is canonical JSON written by {@link #statement()} (members in this order, no white space,
 * strings that need no escaping): the signature is over exactly its UTF-8 bytes.
 */
public record Checkpoint(long tenantId, long number, long time, String previous, String writer, int keyVersion,
                         List<SegmentHead> heads) {

    static final String FORMAT = "selfkms-audit-checkpoint-v1";
    /** The previous digest of a tenant's first checkpoint. */
    static final String FIRST = "0".repeat(64);
    /** Checkpoints name at most this many segments; a writer that moved more writes several. */
    static final int MAX_HEADS = 100;

    public Checkpoint {
        heads = List.copyOf(heads);
        if (!writer.matches("[A-Za-z0-9._:@-]{1,128}")) {
            throw new IllegalArgumentException("writer names are letters, digits and ._:@- only");
        }
    }

    public String statement() {
        StringBuilder json = new StringBuilder(160 + heads.size() * 120);
        json.append("{\"format\":\"").append(FORMAT).append("\",\"tenant\":").append(tenantId)
                .append(",\"number\":").append(number).append(",\"time\":").append(time)
                .append(",\"previous\":\"").append(previous).append("\",\"writer\":\"").append(writer)
                .append("\",\"keyVersion\":").append(keyVersion).append(",\"heads\":[");
        for (int i = 0; i < heads.size(); i++) {
            SegmentHead head = heads.get(i);
            json.append(i == 0 ? "" : ",").append("{\"segment\":\"").append(head.segmentId())
                    .append("\",\"sequence\":").append(head.sequence()).append(",\"hash\":\"").append(head.hash()).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** What the next checkpoint of the tenant names as {@code previous}. */
    public static String digest(String statement) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(statement.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The checkpoint a statement states, if it is one in this format that {@link #statement()} reproduces byte for
     * byte - so that what was signed and what is read are the same thing.
     */
    public static Optional<Checkpoint> parse(String statement) {
        if (statement == null) {
            return Optional.empty();
        }
        try {
            JsonObject json = StrictJson.readObject(new StringReader(statement)).orElse(null);
            if (json == null || !FORMAT.equals(json.getString("format", null))) {
                return Optional.empty();
            }
            List<SegmentHead> heads = new ArrayList<>();
            long tenant = json.getJsonNumber("tenant").longValueExact();
            JsonArray array = json.getJsonArray("heads");
            for (int i = 0; i < array.size(); i++) {
                JsonObject head = array.getJsonObject(i);
                heads.add(new SegmentHead(Long.parseLong(((JsonString) head.get("segment")).getString()), tenant,
                        head.getJsonNumber("sequence").longValueExact(), head.getString("hash")));
            }
            Checkpoint checkpoint = new Checkpoint(tenant, json.getJsonNumber("number").longValueExact(),
                    json.getJsonNumber("time").longValueExact(), json.getString("previous"), json.getString("writer"),
                    json.getJsonNumber("keyVersion").intValueExact(), heads);
            return checkpoint.statement().equals(statement) ? Optional.of(checkpoint) : Optional.empty();
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
