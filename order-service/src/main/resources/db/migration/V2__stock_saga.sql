-- Orders become a saga over the broker: PENDING until product-service replies, then CONFIRMED or REJECTED (with
-- the reason); FAILED (the synchronous version's refusal) is now REJECTED.
ALTER TABLE orders ADD COLUMN rejection_reason VARCHAR(500);
UPDATE orders SET status = 'REJECTED', rejection_reason = 'Stock could not be reserved' WHERE status = 'FAILED';

-- Idempotency-Key: one order per member and key; the request's fingerprint tells a retry from a key reused for a
-- different order.
ALTER TABLE orders ADD COLUMN idempotency_key VARCHAR(255);
ALTER TABLE orders ADD COLUMN request_fingerprint VARCHAR(64);
CREATE UNIQUE INDEX ux_orders_idempotency_key ON orders (member_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- The saga's timeout finds PENDING orders by age. release_pending stays for orders the synchronous version still
-- owed a release when this version took over; the saga sends those releases as messages.
CREATE INDEX ix_orders_status_created ON orders (status, created_at);

-- The member's cancel and product-service's reply may change one order at the same time: optimistic locking makes
-- the later of the two start again from the other's result.
ALTER TABLE orders ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
