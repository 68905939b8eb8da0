-- Orders and customers, each partitioned by region, refer to each other;
-- their partitions also refer to each other directly.
CREATE TABLE orders (
    region text NOT NULL,
    id integer NOT NULL,
    customer integer,
    PRIMARY KEY (region, id)
) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('eu');
CREATE UNIQUE INDEX orders_by_customer ON orders (region, customer);

CREATE TABLE customers (
    region text NOT NULL,
    id integer NOT NULL,
    first_order integer,
    PRIMARY KEY (region, id)
) PARTITION BY LIST (region);
CREATE TABLE customers_eu PARTITION OF customers FOR VALUES IN ('eu');

ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
    FOREIGN KEY (region, customer) REFERENCES customers (region, id);
ALTER TABLE customers ADD CONSTRAINT customers_first_order_fk
    FOREIGN KEY (region, first_order) REFERENCES orders (region, id);
ALTER TABLE orders_eu ADD CONSTRAINT orders_eu_customer_fk
    FOREIGN KEY (region, customer) REFERENCES customers_eu (region, id);
ALTER TABLE customers_eu ADD CONSTRAINT customers_eu_first_order_fk
    FOREIGN KEY (region, first_order) REFERENCES orders_eu (region, id);
