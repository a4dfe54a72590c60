-- The two answers of each recorded shadow difference (excerpts of at most 4,000 characters), for the console's
-- side-by-side view.
ALTER TABLE shadow_diff ADD COLUMN legacy_body TEXT;
ALTER TABLE shadow_diff ADD COLUMN new_body TEXT;
