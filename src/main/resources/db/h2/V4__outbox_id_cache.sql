-- Twin of db/postgresql/V4__outbox_id_cache.sql, which takes the identity cache of outbox ids away on PostgreSQL
-- (a cache there is per session). H2's cache is the database's own, shared by every session, and saves writes of
-- the file: V3's CACHE 1000 stays. Nothing to change; kept so that both kinds of store have the same versions.
SELECT 1;
