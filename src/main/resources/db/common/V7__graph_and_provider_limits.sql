-- Microsoft Graph as a gateway's transport, and the providers' daily limits. Portable SQL: runs unchanged on H2 and
-- PostgreSQL.

-- 'SMTP' or 'GRAPH'; graph_url null means the worldwide endpoint (https://graph.microsoft.com).
ALTER TABLE gateway ADD COLUMN transport VARCHAR(16) DEFAULT 'SMTP' NOT NULL;
ALTER TABLE gateway ADD COLUMN graph_url VARCHAR(2048);
-- The provider's cap on recipients in any 24 hours; 0: no cap.
ALTER TABLE gateway ADD COLUMN max_recipients_per_day INT DEFAULT 0 NOT NULL;

-- Recipients handed to a gateway's provider, by the hour the attempt started: every engine sending through the
-- gateway counts here, so they share the provider's daily limit. Rows older than a day and an hour are deleted as
-- new hours start.
CREATE TABLE gateway_send_count (
    gateway_name  VARCHAR(64)  NOT NULL,
    hour_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    recipients    BIGINT       NOT NULL,
    PRIMARY KEY (gateway_name, hour_start)
);
