-- Service principals (issue 4): an API credential that carries the name of the integrated service (cos, cdb...)
-- that the tenant authorised; NULL for ordinary credentials. Managed keys need no new column: kms_cmk.owner
-- already holds 'user' or the service's name.
ALTER TABLE kms_api_credential ADD COLUMN service_name VARCHAR(32);
CREATE INDEX ix_credential_service ON kms_api_credential (tenant_id, service_name);
