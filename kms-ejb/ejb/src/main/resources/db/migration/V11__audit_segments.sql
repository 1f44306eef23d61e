-- The audit trail in segments (docs/architecture.md, Audit trail): every server process appends its own hash chain
-- per tenant, so nodes never wait for each other, and a start reads nothing; signed checkpoints bind a tenant's
-- segments together. Each tenant's chain of before becomes its format-1 segment, id -1 - tenant id, registered by a
-- checkpoint at the next start (writer 'migrated' until then).
CREATE TABLE kms_audit_segment (
    segment_id    BIGINT       NOT NULL PRIMARY KEY,
    tenant_id     BIGINT       NOT NULL,
    writer        VARCHAR(128) NOT NULL,
    opened_at     BIGINT       NOT NULL,
    format        INT          NOT NULL,
    last_sequence BIGINT       NOT NULL,
    last_hash     VARCHAR(64)  NOT NULL,
    head_mac      VARCHAR(64)  NOT NULL
);
CREATE INDEX ix_audit_segment_tenant ON kms_audit_segment (tenant_id, segment_id);
CREATE INDEX ix_audit_segment_writer ON kms_audit_segment (writer);
INSERT INTO kms_audit_segment (segment_id, tenant_id, writer, opened_at, format, last_sequence, last_hash, head_mac)
    SELECT -1 - tenant_id, tenant_id, 'migrated', 0, 1, last_sequence, last_hash, head_mac FROM kms_audit_head;
DROP TABLE kms_audit_head;

ALTER TABLE kms_audit_record ADD COLUMN segment_id BIGINT;
UPDATE kms_audit_record SET segment_id = -1 - tenant_id;
ALTER TABLE kms_audit_record ALTER COLUMN segment_id SET NOT NULL;
ALTER TABLE kms_audit_record DROP CONSTRAINT pk_audit_record;
ALTER TABLE kms_audit_record ADD CONSTRAINT pk_audit_record PRIMARY KEY (segment_id, sequence_no);
-- Format-2 rows do not repeat the previous row's hash.
ALTER TABLE kms_audit_record ALTER COLUMN previous_hash DROP NOT NULL;
-- Searches run newest first by (time, segment, sequence) within a tenant, unfiltered or by key, principal or action;
-- each index continues in that order, so a page reads its rows in order and stops. Outcome has no index of its own:
-- it is filtered on the way (one index less for every insert to maintain).
DROP INDEX ix_audit_time;
DROP INDEX ix_audit_key;
DROP INDEX ix_audit_action;
DROP INDEX ix_audit_principal;
DROP INDEX ix_audit_outcome;
CREATE INDEX ix_audit_time ON kms_audit_record (tenant_id, recorded_at, segment_id, sequence_no);
CREATE INDEX ix_audit_key ON kms_audit_record (tenant_id, key_id, recorded_at, segment_id, sequence_no);
CREATE INDEX ix_audit_principal ON kms_audit_record (tenant_id, principal, recorded_at, segment_id, sequence_no);
CREATE INDEX ix_audit_action ON kms_audit_record (tenant_id, action, recorded_at, segment_id, sequence_no);

-- Signed checkpoints, one chain per tenant (the statement is canonical JSON, the signature ECDSA P-256 over it).
CREATE TABLE kms_audit_checkpoint (
    tenant_id     BIGINT         NOT NULL,
    checkpoint_no BIGINT         NOT NULL,
    created_at    BIGINT         NOT NULL,
    statement     VARCHAR(16000) NOT NULL,
    signature     VARCHAR(256)   NOT NULL,
    CONSTRAINT pk_audit_checkpoint PRIMARY KEY (tenant_id, checkpoint_no)
);
