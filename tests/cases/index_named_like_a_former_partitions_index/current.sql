-- The partition's part of the parent's index is named by PostgreSQL
-- (orders_2025_id_idx).
CREATE TABLE orders (
    id integer NOT NULL,
    placed_on date NOT NULL
) PARTITION BY RANGE (placed_on);

CREATE TABLE orders_2025 PARTITION OF orders
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE INDEX orders_id_idx ON orders (id);
