-- Lifecycle timers (issue 4). The due times are columns that already exist (deletion_date,
-- next_rotate_time); the sweep finds due keys through these two indexes, a range scan on
-- (state, due time) instead of a full table scan every minute.
CREATE INDEX ix_cmk_due_deletion ON kms_cmk (key_state, deletion_date);
CREATE INDEX ix_cmk_due_rotation ON kms_cmk (key_state, next_rotate_time);
-- A deleted key keeps its version rows (which versions existed, for the audit) but not their material.
ALTER TABLE kms_cmk_version ALTER COLUMN wrapped_material DROP NOT NULL;
-- Optimistic version of a version row: the end of a deletion and a concurrent domain-key re-wrap both
-- rewrite wrapped_material; whichever commits second fails and retries, so a re-wrap can never put back
-- material that a deletion has just destroyed.
ALTER TABLE kms_cmk_version ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
