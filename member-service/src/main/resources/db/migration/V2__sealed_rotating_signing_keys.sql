-- Token signing keys, several at a time: the one that signs, the next one (published before it signs, so every
-- verifier knows it in time) and the previous ones (published until the last token they signed has expired).
-- Each private key is sealed with JWT_KEY_ENCRYPTION_KEY (AES-GCM); the old plain-text table is emptied into this
-- one by member-service at its next start.
CREATE TABLE token_signing_key (
    kid                VARCHAR(64)   PRIMARY KEY,
    private_key_sealed VARCHAR(8192) NOT NULL,
    created_at         TIMESTAMP     NOT NULL,
    signs_from         TIMESTAMP     NOT NULL
);
