-- A key added to the parent alone (ONLY) is not valid until every
-- partition's index is attached to it; the partition has a matching index
-- of its own, not attached.
CREATE TABLE readings (
    sensor_id integer NOT NULL,
    taken_on date NOT NULL,
    value numeric
) PARTITION BY RANGE (taken_on);

CREATE TABLE readings_2026 PARTITION OF readings
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

ALTER TABLE ONLY readings ADD CONSTRAINT readings_pkey PRIMARY KEY (sensor_id, taken_on);

CREATE UNIQUE INDEX readings_2026_sensor_key ON readings_2026 (sensor_id, taken_on);

CREATE INDEX readings_value_idx ON ONLY readings (value);
