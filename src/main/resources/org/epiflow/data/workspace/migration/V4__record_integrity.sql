-- Version 4: every record authenticated. Each table gets a row version and a MAC (HMAC over table, row, version
-- and fields, key derived from the officer's identity), record_digests holds a MAC'd count and XOR of the MACs
-- per table; the catalogue is keyed by signer, bundle id and payload hash; audit checkpoints; the session state.
-- The Java step that follows this script (V4Integrity) copies the old catalogue, rebuilds the cache table (the
-- cache is rebuilt from the bundles) and seals every row. Re-runnable, as every script.

CREATE TABLE IF NOT EXISTS bundle_catalogue (
    id              BIGINT PRIMARY KEY,
    signer          VARCHAR(100) NOT NULL,
    bundle_id       VARCHAR(200) NOT NULL,
    payload_sha256  VARCHAR(80) NOT NULL,
    issuer          VARCHAR(500) NOT NULL,
    period_start    DATE NOT NULL,
    period_end      DATE NOT NULL,
    k               INT NOT NULL,
    fingerprint     VARCHAR(200) NOT NULL,
    expires         DATE NOT NULL,
    first_opened    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_opened     TIMESTAMP WITH TIME ZONE NOT NULL,
    open_count      INT NOT NULL,
    purged_at       TIMESTAMP WITH TIME ZONE,
    first_file      VARCHAR(4096),
    last_file       VARCHAR(4096),
    row_version     BIGINT NOT NULL,
    mac             BINARY(32),
    CONSTRAINT catalogue_identity UNIQUE (signer, bundle_id, payload_sha256)
);

ALTER TABLE saved_views ADD COLUMN IF NOT EXISTS row_version BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE saved_views ADD COLUMN IF NOT EXISTS mac BINARY(32);
ALTER TABLE risk_runs ADD COLUMN IF NOT EXISTS row_version BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE risk_runs ADD COLUMN IF NOT EXISTS mac BINARY(32);
ALTER TABLE exports ADD COLUMN IF NOT EXISTS row_version BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE exports ADD COLUMN IF NOT EXISTS mac BINARY(32);
ALTER TABLE case_tables ADD COLUMN IF NOT EXISTS row_version BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE case_tables ADD COLUMN IF NOT EXISTS mac BINARY(32);
ALTER TABLE settings ADD COLUMN IF NOT EXISTS row_version BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE settings ADD COLUMN IF NOT EXISTS mac BINARY(32);

CREATE TABLE IF NOT EXISTS session_state (
    name            VARCHAR(100) PRIMARY KEY,
    format_version  INT NOT NULL,
    document        VARCHAR(1000000) NOT NULL,
    updated         TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version     BIGINT NOT NULL,
    mac             BINARY(32)
);

CREATE TABLE IF NOT EXISTS record_digests (
    table_name  VARCHAR(100) PRIMARY KEY,
    row_count   BIGINT NOT NULL,
    xor         BINARY(32) NOT NULL,
    mac         BINARY(32) NOT NULL
);

CREATE TABLE IF NOT EXISTS audit_checkpoints (
    seq   BIGINT PRIMARY KEY,
    hash  BINARY(32) NOT NULL,
    mac   BINARY(32) NOT NULL,
    at    VARCHAR(40) NOT NULL
);
