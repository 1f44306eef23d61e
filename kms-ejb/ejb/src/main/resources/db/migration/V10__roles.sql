-- Roles (issue 6): the console administrators of before are tenant administrators; an API credential acts with
-- the role of the user it belongs to (kms_api_credential.principal), or as a service when service_name is set.
UPDATE kms_console_user SET role = 'TENANT_ADMIN' WHERE role = 'ADMINISTRATOR';
-- When each credential last signed a request (Unix seconds, 0 never); kept in memory and written about once a
-- minute, so the hot path stays free of writes.
ALTER TABLE kms_api_credential ADD COLUMN last_used_at BIGINT DEFAULT 0 NOT NULL;
-- Login lockout: wrong passwords in a row, and until when a locked user is refused.
ALTER TABLE kms_console_user ADD COLUMN failed_logins INT DEFAULT 0 NOT NULL;
ALTER TABLE kms_console_user ADD COLUMN locked_until BIGINT DEFAULT 0 NOT NULL;
-- Tenants the platform operator suspended: their users and credentials are refused, their keys kept.
ALTER TABLE kms_tenant ADD COLUMN suspended BOOLEAN DEFAULT FALSE NOT NULL;
