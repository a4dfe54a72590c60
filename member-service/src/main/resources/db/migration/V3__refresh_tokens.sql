-- Refresh tokens: only their SHA-256 is kept. Each login starts a family; every refresh uses its token up and adds
-- the next one to the family; a used token shown again (a stolen copy) revokes the whole family, as logout does.
CREATE TABLE refresh_token (
    token_hash  CHAR(64)  PRIMARY KEY,
    family_id   UUID      NOT NULL,
    member_id   BIGINT    NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    issued_at   TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP,
    revoked_at  TIMESTAMP
);
CREATE INDEX ix_refresh_token_family ON refresh_token (family_id);
CREATE INDEX ix_refresh_token_expires ON refresh_token (expires_at);
