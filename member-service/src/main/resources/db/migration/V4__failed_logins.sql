-- Failed logins per account (keyed by a hash of the normalized e-mail, or of a service's client id; unknown
-- accounts are counted like known ones so the throttle reveals nothing): too many in a window blocks the account's
-- logins until the window ends.
CREATE TABLE failed_login (
    key_hash       CHAR(64)  PRIMARY KEY,
    failures       INT       NOT NULL,
    window_started TIMESTAMP NOT NULL
);
