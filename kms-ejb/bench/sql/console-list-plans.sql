-- The statements behind the console's key inventory and overview (KeyManagementBean.listKeyDetail and
-- keyStatistics, as Hibernate sends them for a tenant administrator on the Customer managed tab; page size 50,
-- the grid's), run with EXPLAIN ANALYZE on a tenant that TenantKeyFill filled (docs/performance.md).
-- psql -v tenant=<tenant id> -f console-list-plans.sql
\timing off
\echo == first page, newest first (the default)
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM kms_cmk WHERE tenant_id = :tenant AND key_state <> 'Deleted' AND owner = 'user'
  ORDER BY created_at DESC, id DESC LIMIT 50;
\echo == the count above the grid
EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM kms_cmk WHERE tenant_id = :tenant AND key_state <> 'Deleted' AND owner = 'user';
\echo == sorted by alias, first page
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM kms_cmk WHERE tenant_id = :tenant AND key_state <> 'Deleted' AND owner = 'user'
  ORDER BY alias ASC, created_at ASC, id ASC LIMIT 50;
\echo == sorted by alias, descending, page 1,000 (offset 49,950)
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM kms_cmk WHERE tenant_id = :tenant AND key_state <> 'Deleted' AND owner = 'user'
  ORDER BY alias DESC, created_at DESC, id DESC LIMIT 50 OFFSET 49950;
\echo == sorted by state, first page
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM kms_cmk WHERE tenant_id = :tenant AND key_state <> 'Deleted' AND owner = 'user'
  ORDER BY key_state ASC, created_at ASC, id ASC LIMIT 50;
\echo == filter Disabled, newest first
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM kms_cmk WHERE tenant_id = :tenant AND key_state <> 'Deleted' AND owner = 'user'
  AND key_state = 'Disabled' ORDER BY created_at DESC, id DESC LIMIT 50;
\echo == search box "0421" (alias, key id and description), first page and count
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM kms_cmk WHERE tenant_id = :tenant AND key_state <> 'Deleted' AND owner = 'user'
  AND (lower(alias) LIKE '%0421%' ESCAPE '!' OR lower(id) LIKE '%0421%' ESCAPE '!' OR lower(description) LIKE '%0421%' ESCAPE '!')
  ORDER BY created_at DESC, id DESC LIMIT 50;
EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM kms_cmk WHERE tenant_id = :tenant AND key_state <> 'Deleted' AND owner = 'user'
  AND (lower(alias) LIKE '%0421%' ESCAPE '!' OR lower(id) LIKE '%0421%' ESCAPE '!' OR lower(description) LIKE '%0421%' ESCAPE '!');
\echo == overview: keys by state, by usage
EXPLAIN (ANALYZE, COSTS OFF) SELECT key_state, count(*) FROM kms_cmk WHERE tenant_id = :tenant AND key_state <> 'Deleted' GROUP BY key_state;
EXPLAIN (ANALYZE, COSTS OFF) SELECT key_usage, count(*) FROM kms_cmk WHERE tenant_id = :tenant AND key_state <> 'Deleted' GROUP BY key_usage;
\echo == overview: deletions pending, rotations due (10 each)
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM kms_cmk WHERE tenant_id = :tenant AND key_state <> 'Deleted' AND key_state = 'PendingDelete'
  ORDER BY deletion_date, id LIMIT 10;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM kms_cmk WHERE tenant_id = :tenant AND key_state <> 'Deleted' AND key_state = 'Enabled'
  AND rotation_enabled = TRUE AND next_rotate_time > 0 AND next_rotate_time <= 9999999999 ORDER BY next_rotate_time, id LIMIT 10;
