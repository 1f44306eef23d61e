package org.selfkms.console.audit;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.selfkms.api.audit.AuditPage;
import org.selfkms.api.audit.AuditPosition;
import org.selfkms.api.audit.AuditQuery;
import org.selfkms.api.audit.AuditRecord;
import org.selfkms.console.gate.ConsoleGate;

/**
 * The records a search finds, newest first, as CSV or JSON Lines for an investigation outside the console: at most
 * {@value #MAX_RECORDS} per file (narrow the time range for more), read in pages of the service's largest size within
 * one audited request ({@code ExportAuditRecords}).
 */
final class AuditExport {

    static final int MAX_RECORDS = 10_000;
    private static final String[] COLUMNS = {"time", "door", "principal", "action", "keyId", "outcome", "errorCode",
            "sourceAddress", "requestId", "tenantId", "segment", "sequence"};

    enum Format { CSV, JSON_LINES }

    private AuditExport() {
    }

    static InputStream export(ConsoleGate gate, AuditFilters filters, Format format) {
        List<AuditRecord> records = gate.call("ExportAuditRecords", null, (kms, caller) -> {
            List<AuditRecord> found = new ArrayList<>();
            AuditPosition before = null;
            do {
                int limit = Math.min(AuditQuery.MAX_LIMIT, MAX_RECORDS - found.size());
                AuditPage page = kms.auditTrail().query(caller, filters.query(kms, caller, before, limit));
                found.addAll(page.records());
                before = page.nextBefore();
            } while (before != null && found.size() < MAX_RECORDS);
            return found;
        });
        StringBuilder out = new StringBuilder();
        if (format == Format.CSV) {
            out.append(String.join(",", COLUMNS)).append("\r\n");
        }
        for (AuditRecord record : records) {
            String[] values = values(record);
            if (format == Format.CSV) {
                for (int i = 0; i < values.length; i++) {
                    out.append(i == 0 ? "" : ",").append(csv(values[i]));
                }
                out.append("\r\n");
            } else {
                JsonObjectBuilder line = Json.createObjectBuilder();
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        line.add(COLUMNS[i], values[i]);
                    }
                }
                out.append(line.build()).append('\n');
            }
        }
        return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String[] values(AuditRecord record) {
        return new String[]{Instant.ofEpochMilli(record.time()).toString(), record.door(), record.principal(), record.action(),
                record.keyId(), record.outcome().name(), record.errorCode(), record.sourceAddress(), record.requestId(),
                String.valueOf(record.tenantId()), String.valueOf(record.segment()), String.valueOf(record.sequence())};
    }

    /**
     * RFC 4180 quoting; a value starting with a formula character is prefixed with an apostrophe, so that a
     * spreadsheet shows what a client sent (an action or principal is partly client-chosen) instead of running it.
     */
    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
