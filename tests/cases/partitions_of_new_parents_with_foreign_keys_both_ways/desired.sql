-- Two new partitioned tables whose foreign keys reach each other's unique
-- index, built on the parent after its partition exists. A partition made
-- with PARTITION OF copies its parent's foreign keys as it joins, so the
-- parents' keys are added once both partitions and both indexes exist.
CREATE TABLE region (code text PRIMARY KEY);

CREATE TABLE shipment (region text, id int, invoice int) PARTITION BY LIST (region);
CREATE TABLE shipment_eu PARTITION OF shipment FOR VALUES IN ('eu');
CREATE UNIQUE INDEX shipment_region_id ON shipment (region, id);

CREATE TABLE invoice (region text, id int, shipment int) PARTITION BY LIST (region);
CREATE TABLE invoice_eu PARTITION OF invoice FOR VALUES IN ('eu');
CREATE UNIQUE INDEX invoice_region_id ON invoice (region, id);

ALTER TABLE shipment ADD CONSTRAINT shipment_invoice_fk
    FOREIGN KEY (region, invoice) REFERENCES invoice (region, id);
ALTER TABLE invoice ADD CONSTRAINT invoice_shipment_fk
    FOREIGN KEY (region, shipment) REFERENCES shipment (region, id);
