-- Roles, where each saved change came from, and finding a message. Portable SQL: H2 and PostgreSQL run this file as
-- it is; what only one of them can do (PostgreSQL's own roles and grants, case-insensitive recipient and subject
-- indexes) is in V9_1 of its folder.

-- Who may do what: an identity (the operating-system user on an H2 file, the database login on a server) and its
-- role. A store with no row yet is claimed by the first identity that opens it, which becomes its administrator.
CREATE TABLE store_user (
    name        VARCHAR(128)  PRIMARY KEY,
    role        VARCHAR(16)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(128)  NOT NULL,
    CONSTRAINT store_user_role_check CHECK (role IN ('administrator', 'support', 'operator'))
);

-- Where a change was saved from ('screen', 'command' or 'import'; null before this version) and, on a server store,
-- the database login that saved it (os_user stays the operating-system user).
ALTER TABLE config_history ADD COLUMN source VARCHAR(16);
ALTER TABLE config_history ADD COLUMN db_login VARCHAR(128);
CREATE INDEX config_history_section ON config_history (section, changed_at);

-- Searching the outbox, newest first and a page at a time (keyset on created_at, id): each filter that narrows the
-- messages much has an index that also gives them in that order, so the first page is read without a sort.
CREATE INDEX outbox_created_id ON outbox_message (created_at, id);
DROP INDEX outbox_created;
CREATE INDEX outbox_status_created ON outbox_message (status, created_at, id);
CREATE INDEX outbox_flow_created ON outbox_message (flow, created_at, id);
CREATE INDEX outbox_engine_created ON outbox_message (engine, created_at, id);
-- The Message-ID already has its index: the unique constraint outbox_message_id_unique.
