CREATE TABLE readings (
    sensor_id integer NOT NULL,
    taken_on date NOT NULL,
    value numeric,
    PRIMARY KEY (sensor_id, taken_on)
) PARTITION BY RANGE (taken_on);

CREATE TABLE readings_2026 PARTITION OF readings
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

CREATE INDEX readings_value_idx ON readings (value);
