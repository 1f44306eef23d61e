-- Bring your own key (issue 5). An EXTERNAL key's imported material has an optional expiry, found by the
-- lifecycle sweep through the index below (as deletion_date and next_rotate_time are, V3). The fingerprint
-- is an HMAC of the material under a key derived inside the token (docs/architecture.md, "Imported key
-- material"): it lets a re-import prove it is the same material without the database holding anything
-- that identifies or reveals it.
ALTER TABLE kms_cmk ADD COLUMN material_valid_to BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE kms_cmk ADD COLUMN material_fingerprint VARCHAR(64);
CREATE INDEX ix_cmk_due_material ON kms_cmk (key_state, material_valid_to);

-- One row per GetParametersForImport: the token itself is never stored, only its SHA-256 (it is 256 random
-- bits, so a plain hash is enough to make a database dump useless for importing). The wrapping key pair
-- lives in the token under wrapping_key_label until the token is used or expires; the row stays afterwards
-- so that a reused or expired token is refused as such.
CREATE TABLE kms_import_token (
    token_hash         VARCHAR(64)  NOT NULL PRIMARY KEY,
    cmk_id             VARCHAR(36)  NOT NULL,
    tenant_id          BIGINT       NOT NULL,
    wrapping_algorithm VARCHAR(32)  NOT NULL,
    wrapping_key_label VARCHAR(100) NOT NULL,
    token_state        VARCHAR(16)  NOT NULL,
    created_at         BIGINT       NOT NULL,
    valid_to           BIGINT       NOT NULL,
    CONSTRAINT fk_import_token_cmk FOREIGN KEY (cmk_id) REFERENCES kms_cmk (id)
);
-- The expiry sweep: issued tokens past valid_to.
CREATE INDEX ix_import_token_due ON kms_import_token (token_state, valid_to);
-- The per-tenant limit of open tokens (GetParametersForImport): a count over this index.
CREATE INDEX ix_import_token_tenant ON kms_import_token (tenant_id, token_state, valid_to);
