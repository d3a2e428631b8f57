-- A key's hash names one key in the whole store, not one per workspace. Authentication looks a key up by
-- its hash before the caller's workspace is known; two workspaces holding the same hash (fixtures choose
-- their plaintext) made the lookup take whichever row came first, so one workspace's requests landed in
-- the other. This is the one deliberate exception to "every unique constraint includes workspace_id":
-- a lookup that has no workspace yet cannot be scoped by one. On a sharded cluster api_keys is a small
-- reference table (see V1), so a global unique index stays cheap.
-- Random keys (128 bits) never collide, so no existing database holds duplicates; only chosen fixture
-- keys could, and the harness is in-memory.
-- The unique index replaces the plain one under the same name (lookups and their plans are unchanged).
DROP INDEX ix_api_keys_hash;
CREATE UNIQUE INDEX ix_api_keys_hash ON api_keys (key_hash);
