-- While ordering moves out of the legacy shop, this table also holds read-only copies of the shop's orders
-- (held_by 'legacy'), so a member sees every order whichever side serves them. copy_version is the shop's version
-- of a copy: an older snapshot arriving late never replaces a newer one.
ALTER TABLE orders ADD COLUMN held_by VARCHAR(8) NOT NULL DEFAULT 'new';
ALTER TABLE orders ADD COLUMN copy_version BIGINT;
