-- PostgreSQL's part of V9 (the portable part is db/common/V9): the recipient and subject indexes that only PostgreSQL
-- can build, and the store's roles granted in the database itself, so that a login used outside the program can do no
-- more than its role.

-- A recipient is found whatever its case ("lower(address) = lower(?)").
CREATE INDEX outbox_recipient_address_lower ON outbox_recipient (lower(address));

-- A subject is searched for by a piece of it, in any case (ILIKE '%piece%'): a trigram index serves that when the
-- pg_trgm extension can be had (it ships with PostgreSQL's contrib and is trusted, so a database's owner may create
-- it). Without it the search walks the messages newest first and still stops at the first page.
DO $trigrams$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm is not available (%): subjects are searched without an index', SQLERRM;
    END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX outbox_subject_trigrams ON outbox_message USING gin (subject gin_trgm_ops)';
    END IF;
END
$trigrams$;

-- The store's three roles as group roles of the server, named after the database (and the schema when it is not
-- public), so that two stores on one server never share them: a database "cockpit" has cockpit_administrator,
-- cockpit_support and cockpit_operator. The program grants one of them to each login `user set` names.
DO $names$
DECLARE
    prefix text := left(current_database()
        || CASE WHEN current_schema() = 'public' THEN '' ELSE '_' || current_schema() END, 48);
BEGIN
    EXECUTE format('CREATE FUNCTION %I.cockpit_role_group(role text) RETURNS text LANGUAGE sql IMMUTABLE '
        || 'AS $f$ SELECT %L || ''_'' || role $f$', current_schema(), prefix);
END
$names$;

-- Makes the three group roles (when missing) and grants them what each role may do on the store's tables; returns
-- false, changing nothing, when the store's owner may not create roles (it needs CREATEROLE, or the database
-- administrator makes the three roles and grants them to the owner WITH ADMIN OPTION). Runs as the owner (SECURITY
-- DEFINER), so any administrator's login can have it run through cockpit_grant_role.
CREATE FUNCTION cockpit_setup_roles() RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER AS $setup$
DECLARE
    store text := current_schema();
    admin text := cockpit_role_group('administrator');
    support text := cockpit_role_group('support');
    operator text := cockpit_role_group('operator');
    g text;
BEGIN
    FOREACH g IN ARRAY ARRAY[admin, support, operator] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', g);
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE NOTICE 'the store''s owner % may not create the role %: roles are checked by the program only',
                    current_user, g;
                RETURN false;
            END;
        END IF;
    END LOOP;
    -- Everyone with a role reads everything (support's whole part, and what every screen shows).
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I, %I, %I', store, admin, support, operator);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I, %I, %I', store, admin, support, operator);
    -- Administrators change every row; the schema itself (and Flyway's history of it) stays the owner's.
    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', store, admin);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I.flyway_schema_history FROM %I', store, admin);
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I, %I', store, admin, operator);
    -- Operators add messages (Envoi manuel, send, the test email's record) and make them due again (retry). The
    -- gateway's refresh token is the one other column they write: a provider that rotates it on use (a test email
    -- through an OAuth gateway) kills the old one, which must be replaced or the gateway stops.
    EXECUTE format('GRANT INSERT ON outbox_message, outbox_content, outbox_recipient TO %I', operator);
    EXECUTE format('GRANT UPDATE (status, next_attempt_at, updated_at) ON outbox_message TO %I', operator);
    EXECUTE format('GRANT UPDATE (status, updated_at) ON outbox_recipient TO %I', operator);
    EXECUTE format('GRANT UPDATE (oauth_refresh_token_enc, version) ON gateway TO %I', operator);
    -- An engine test from its machine (engine test): the request, and giving up on it or cancelling it.
    EXECUTE format('GRANT INSERT, UPDATE (status, finished_at, cancel_requested) ON engine_diagnosis TO %I', operator);
    -- Tables of later migrations: read by every role, changed by administrators (a later migration grants operators
    -- what they add to, as this one does).
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO %I, %I, %I',
        store, admin, support, operator);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT INSERT, UPDATE, DELETE ON TABLES TO %I', store, admin);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE ON SEQUENCES TO %I, %I', store, admin, operator);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %I.cockpit_grant_role(text, text) TO %I', store, admin);
    RETURN true;
END
$setup$;

-- Gives a login the group role of one of the store's roles, taking away the other two (role null: none of them).
-- Runs as the owner, who may grant the three groups; only administrators may call it.
CREATE FUNCTION cockpit_grant_role(login text, role text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $grant$
DECLARE
    r text;
BEGIN
    IF role IS NOT NULL AND role NOT IN ('administrator', 'support', 'operator') THEN
        RAISE EXCEPTION 'no role %', role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login AND rolcanlogin) THEN
        IF role IS NULL THEN
            RETURN; -- a login dropped from the server has nothing left to take away
        END IF;
        RAISE EXCEPTION 'no login % on this server', login USING ERRCODE = 'undefined_object';
    END IF;
    IF NOT cockpit_setup_roles() THEN
        RAISE EXCEPTION 'the store''s owner % may not create the roles % and the other two', current_user,
            cockpit_role_group('administrator') USING ERRCODE = 'insufficient_privilege';
    END IF;
    FOREACH r IN ARRAY ARRAY['administrator', 'support', 'operator'] LOOP
        IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
                   WHERE g.rolname = cockpit_role_group(r) AND u.rolname = login) THEN
            EXECUTE format('REVOKE %I FROM %I', cockpit_role_group(r), login);
        END IF;
    END LOOP;
    IF role IS NOT NULL THEN
        EXECUTE format('GRANT %I TO %I', cockpit_role_group(role), login);
    END IF;
END
$grant$;

-- A SECURITY DEFINER function finds its tables and functions through a search path of its own, never the caller's.
DO $paths$
BEGIN
    EXECUTE format('ALTER FUNCTION cockpit_setup_roles() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION cockpit_grant_role(text, text) SET search_path = %I, pg_temp', current_schema());
END
$paths$;
REVOKE ALL ON FUNCTION cockpit_setup_roles() FROM PUBLIC;
REVOKE ALL ON FUNCTION cockpit_grant_role(text, text) FROM PUBLIC;

SELECT cockpit_setup_roles();
