-- The table is no longer partitioned, the former partition is a table of
-- its own, and an index of the main table has taken the name the
-- partition's index had: a different index, on a different table.
CREATE TABLE orders (
    id integer NOT NULL,
    placed_on date NOT NULL
);

CREATE TABLE orders_2025 (
    id integer NOT NULL,
    placed_on date NOT NULL
);

CREATE INDEX orders_2025_id_idx ON orders (placed_on);
