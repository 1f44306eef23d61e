-- Hosted data keys (Tencent's DataKey family): each is stored only as a CiphertextBlob under its root CMK, with
-- the encryption context it was sealed with, so that its plaintext can be given back through the root key.
CREATE TABLE kms_data_key (
    id                  VARCHAR(36)   NOT NULL,
    tenant_id           BIGINT        NOT NULL,
    cmk_id              VARCHAR(36)   NOT NULL,
    name                VARCHAR(60)   NOT NULL,
    description         VARCHAR(400)  NOT NULL,
    number_of_bytes     INT           NOT NULL,
    key_state           VARCHAR(16)   NOT NULL,
    origin              VARCHAR(16)   NOT NULL,
    owner               VARCHAR(64)   NOT NULL,
    creator_uin         BIGINT        NOT NULL,
    created_at          BIGINT        NOT NULL,
    deletion_date       BIGINT        NOT NULL,
    encryption_context  VARCHAR(1024),
    ciphertext_blob     VARCHAR(4096) NOT NULL,
    row_version         BIGINT        NOT NULL,
    CONSTRAINT pk_data_key PRIMARY KEY (id),
    CONSTRAINT uq_data_key_name UNIQUE (tenant_id, name),
    CONSTRAINT fk_data_key_cmk FOREIGN KEY (cmk_id) REFERENCES kms_cmk (id)
);
-- listings, newest first, within a tenant; the deletion sweep's range scan; a CMK's data keys
CREATE INDEX ix_data_key_listing ON kms_data_key (tenant_id, created_at, id);
CREATE INDEX ix_data_key_deletion ON kms_data_key (key_state, deletion_date);
CREATE INDEX ix_data_key_cmk ON kms_data_key (cmk_id);

CREATE TABLE kms_data_key_tag (
    data_key_id  VARCHAR(36)  NOT NULL,
    tag_key      VARCHAR(127) NOT NULL,
    tag_value    VARCHAR(255) NOT NULL,
    CONSTRAINT pk_data_key_tag PRIMARY KEY (data_key_id, tag_key),
    CONSTRAINT fk_tag_data_key FOREIGN KEY (data_key_id) REFERENCES kms_data_key (id)
);
CREATE INDEX ix_data_key_tag_lookup ON kms_data_key_tag (tag_key, tag_value, data_key_id);

-- Which products' resources use a CMK (BindCloudResource): a bound key cannot be disabled, archived, scheduled for
-- deletion or left without its imported material.
CREATE TABLE kms_cloud_binding (
    cmk_id       VARCHAR(36)  NOT NULL,
    product_id   VARCHAR(64)  NOT NULL,
    resource_id  VARCHAR(256) NOT NULL,
    tenant_id    BIGINT       NOT NULL,
    created_at   BIGINT       NOT NULL,
    bound_by     VARCHAR(140) NOT NULL,
    CONSTRAINT pk_cloud_binding PRIMARY KEY (cmk_id, product_id, resource_id),
    CONSTRAINT fk_binding_cmk FOREIGN KEY (cmk_id) REFERENCES kms_cmk (id)
);
