-- Email format (Administration > Portail > Format des emails): the portal URLs, the portal's languages and the
-- report-notification subject template of each language that has one of its own. One format per store.

CREATE TABLE email_format (
    id                INT           PRIMARY KEY CHECK (id = 1),
    user_url          VARCHAR(2048),
    operator_url      VARCHAR(2048),
    default_language  VARCHAR(16)   NOT NULL,
    version           BIGINT        NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(128)  NOT NULL
);

CREATE TABLE email_format_language (
    language  VARCHAR(16)  PRIMARY KEY,
    position  INT          NOT NULL
);

-- A language without a row falls back to the default language's template, then to the built-in subject.
CREATE TABLE report_subject_template (
    language  VARCHAR(16)    PRIMARY KEY,
    template  VARCHAR(4000)  NOT NULL
);
