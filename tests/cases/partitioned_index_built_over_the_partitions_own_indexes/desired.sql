-- The partitions' own indexes become the parts of a partitioned index, a
-- new partition brings its part under a name of its own, and a second
-- partitioned index gets parts PostgreSQL names, beside a partition's own
-- index of the same columns made after it.
CREATE TABLE measurements (
    sensor integer NOT NULL,
    at date NOT NULL,
    value real
) PARTITION BY RANGE (at);
CREATE TABLE measurements_2026_01 PARTITION OF measurements
    FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE measurements_2026_02 PARTITION OF measurements
    FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
CREATE TABLE measurements_2026_03 PARTITION OF measurements
    FOR VALUES FROM ('2026-03-01') TO ('2026-04-01');
CREATE INDEX measurements_2026_01_by_sensor ON measurements_2026_01 (sensor, at);
CREATE INDEX measurements_2026_02_by_sensor ON measurements_2026_02 (sensor, at);
CREATE INDEX measurements_2026_03_by_sensor ON measurements_2026_03 (sensor, at);
CREATE INDEX measurements_by_sensor ON measurements (sensor, at);

CREATE INDEX measurements_by_value ON measurements (value);
CREATE INDEX measurements_2026_01_value ON measurements_2026_01 (value);

-- A partition that changes otherwise keeps its index as the part.
COMMENT ON TABLE measurements_2026_02 IS 'February, checked';
