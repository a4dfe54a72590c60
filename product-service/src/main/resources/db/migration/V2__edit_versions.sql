-- How many edits of a product both sides agree on (ProductSnapshot.editVersion): which of two edits wins is decided
-- by this count, no longer by two machines' clocks (updated_at stays, for people to read).
ALTER TABLE product ADD COLUMN edit_version BIGINT NOT NULL DEFAULT 0;
