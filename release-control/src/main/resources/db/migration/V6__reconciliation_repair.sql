-- A repair asked for with a reconciliation: which side published its rows to the other, how many, and which it could
-- not (JSON), or NULL for a reconciliation that only compared.
ALTER TABLE reconciliation ADD COLUMN repair TEXT;
