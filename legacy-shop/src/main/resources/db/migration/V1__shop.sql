-- The legacy shop's one database: catalog and orders side by side, changed together in local transactions.
-- Its product ids come from a block of their own, far above the new catalog's, so a product created on either side
-- keeps its id on the other while both run.
CREATE SEQUENCE product_id_seq START WITH 1000000001;

CREATE TABLE product (
    id          BIGINT         PRIMARY KEY DEFAULT nextval('product_id_seq'),
    name        VARCHAR(200)   NOT NULL,
    description VARCHAR(2000),
    price       NUMERIC(12, 2) NOT NULL CHECK (price >= 0),
    stock       INTEGER        NOT NULL CHECK (stock >= 0),
    active      BOOLEAN        NOT NULL,
    updated_at  TIMESTAMP      NOT NULL
);

-- held_by: 'legacy' for the shop's own orders; 'new' for read-only copies of order-service's orders, kept so a
-- member sees every order whichever side serves them.
CREATE TABLE orders (
    id               VARCHAR(36)    PRIMARY KEY,
    member_id        BIGINT         NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    total            NUMERIC(14, 2),
    rejection_reason VARCHAR(500),
    created_at       TIMESTAMP      NOT NULL,
    version          BIGINT         NOT NULL,
    held_by          VARCHAR(8)     NOT NULL
);

CREATE INDEX ix_orders_member ON orders (member_id, created_at);

CREATE TABLE order_line (
    order_id     VARCHAR(36)    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no      INTEGER        NOT NULL,
    product_id   BIGINT         NOT NULL,
    product_name VARCHAR(200),
    unit_price   NUMERIC(12, 2),
    quantity     INTEGER        NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

