CREATE TABLE kms_tenant (
    id           BIGINT       NOT NULL PRIMARY KEY,
    account_uin  BIGINT       NOT NULL,
    name         VARCHAR(128) NOT NULL,
    created_at   BIGINT       NOT NULL,
    CONSTRAINT uk_tenant_uin UNIQUE (account_uin)
);

CREATE TABLE kms_cmk (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    tenant_id        BIGINT        NOT NULL,
    alias            VARCHAR(60)   NOT NULL,
    description      VARCHAR(1024),
    key_usage        VARCHAR(64)   NOT NULL,
    key_state        VARCHAR(32)   NOT NULL,
    origin           VARCHAR(32)   NOT NULL,
    protection_level VARCHAR(16)   NOT NULL,
    owner            VARCHAR(64)   NOT NULL,
    creator_uin      BIGINT        NOT NULL,
    created_at       BIGINT        NOT NULL,
    deletion_date    BIGINT        NOT NULL,
    rotation_enabled BOOLEAN       NOT NULL,
    current_version  INT           NOT NULL,
    row_version      BIGINT        NOT NULL,
    CONSTRAINT fk_cmk_tenant FOREIGN KEY (tenant_id) REFERENCES kms_tenant (id),
    CONSTRAINT uk_cmk_alias UNIQUE (tenant_id, alias)
);
CREATE INDEX ix_cmk_tenant_created ON kms_cmk (tenant_id, created_at);

CREATE TABLE kms_cmk_version (
    cmk_id           VARCHAR(36)   NOT NULL,
    version_no       INT           NOT NULL,
    wrapped_material VARCHAR(4000) NOT NULL,
    created_at       BIGINT        NOT NULL,
    CONSTRAINT pk_cmk_version PRIMARY KEY (cmk_id, version_no),
    CONSTRAINT fk_version_cmk FOREIGN KEY (cmk_id) REFERENCES kms_cmk (id)
);

CREATE TABLE kms_api_credential (
    secret_id      VARCHAR(128)  NOT NULL PRIMARY KEY,
    tenant_id      BIGINT        NOT NULL,
    principal      VARCHAR(128)  NOT NULL,
    wrapped_secret VARCHAR(1024) NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    created_at     BIGINT        NOT NULL,
    CONSTRAINT fk_credential_tenant FOREIGN KEY (tenant_id) REFERENCES kms_tenant (id)
);

CREATE TABLE kms_console_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id     BIGINT       NOT NULL,
    password_hash VARCHAR(256) NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    CONSTRAINT fk_user_tenant FOREIGN KEY (tenant_id) REFERENCES kms_tenant (id)
);
