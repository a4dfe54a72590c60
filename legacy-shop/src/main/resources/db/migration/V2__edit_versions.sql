-- Which of two edits of a product wins is decided by how many edits both sides agree on (ProductSnapshot), no
-- longer by two machines' clocks. edited_by: the side whose edit the row holds ('legacy' or 'new'): of two edits
-- with the same count, the new side's wins, on both sides.
ALTER TABLE product ADD COLUMN edit_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE product ADD COLUMN edited_by VARCHAR(8) NOT NULL DEFAULT 'legacy';
