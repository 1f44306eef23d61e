-- Key policies: who may do what with one key (docs/security.md, "Per-key permissions"). One row per principal of
-- each statement, so that a listing can keep a caller to the keys it may see in SQL; a key without rows follows
-- its callers' roles alone.
CREATE TABLE kms_key_policy_entry (
    cmk_id        VARCHAR(36)  NOT NULL,
    statement_no  INT          NOT NULL,
    principal     VARCHAR(140) NOT NULL,
    effect        VARCHAR(5)   NOT NULL,
    operations    VARCHAR(200) NOT NULL,
    describes     BOOLEAN      NOT NULL,
    CONSTRAINT pk_key_policy_entry PRIMARY KEY (cmk_id, statement_no, principal),
    CONSTRAINT fk_policy_cmk FOREIGN KEY (cmk_id) REFERENCES kms_cmk (id)
);
