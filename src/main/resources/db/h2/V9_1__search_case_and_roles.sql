-- H2 twin of db/postgresql/V9_1__search_case_and_roles.sql. H2 has no roles of its own to grant (the file's
-- operating-system account is its only login) and no index on an expression: a recipient is found whatever its case
-- through a case-insensitive column type, whose plain index serves "address = ?" without LOWER().
ALTER TABLE outbox_recipient ALTER COLUMN address SET DATA TYPE VARCHAR_IGNORECASE(320);
CREATE INDEX outbox_recipient_address ON outbox_recipient (address);
