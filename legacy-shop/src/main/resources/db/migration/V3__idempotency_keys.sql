-- Idempotency-Key as order-service has it, per member: a retry gets the first order. Copies of order-service's
-- orders carry their key too, so a retry that reaches the shop after a flip finds the order placed there.
ALTER TABLE orders ADD COLUMN idempotency_key VARCHAR(255);
ALTER TABLE orders ADD COLUMN request_fingerprint VARCHAR(64);
CREATE UNIQUE INDEX ux_orders_idempotency_key ON orders (member_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
