CREATE TABLE kms_cmk_tag (
    cmk_id     VARCHAR(36)  NOT NULL,
    tag_key    VARCHAR(127) NOT NULL,
    tag_value  VARCHAR(255) NOT NULL,
    CONSTRAINT pk_cmk_tag PRIMARY KEY (cmk_id, tag_key),
    CONSTRAINT fk_tag_cmk FOREIGN KEY (cmk_id) REFERENCES kms_cmk (id)
);
-- TagFilters look keys up by tag: key and value first, then the key id for the join back to kms_cmk.
CREATE INDEX ix_cmk_tag_lookup ON kms_cmk_tag (tag_key, tag_value, cmk_id);
