-- Both parents are replaced by new tables; the partitions, their keys
-- and the parents' index names stay.
CREATE TABLE orders_v2 (
    region text NOT NULL,
    id integer NOT NULL,
    customer integer,
    PRIMARY KEY (region, id)
) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders_v2 FOR VALUES IN ('eu');
CREATE UNIQUE INDEX orders_by_customer ON orders_v2 (region, customer);

CREATE TABLE customers_v2 (
    region text NOT NULL,
    id integer NOT NULL,
    first_order integer,
    PRIMARY KEY (region, id)
) PARTITION BY LIST (region);
CREATE TABLE customers_eu PARTITION OF customers_v2 FOR VALUES IN ('eu');

ALTER TABLE orders_v2 ADD CONSTRAINT orders_customer_fk
    FOREIGN KEY (region, customer) REFERENCES customers_v2 (region, id);
ALTER TABLE customers_v2 ADD CONSTRAINT customers_first_order_fk
    FOREIGN KEY (region, first_order) REFERENCES orders_v2 (region, id);
ALTER TABLE orders_eu ADD CONSTRAINT orders_eu_customer_fk
    FOREIGN KEY (region, customer) REFERENCES customers_eu (region, id);
ALTER TABLE customers_eu ADD CONSTRAINT customers_eu_first_order_fk
    FOREIGN KEY (region, first_order) REFERENCES orders_eu (region, id);
