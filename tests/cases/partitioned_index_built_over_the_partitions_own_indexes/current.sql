-- Monthly partitions, each with an index of its own on (sensor, at).
CREATE TABLE measurements (
    sensor integer NOT NULL,
    at date NOT NULL,
    value real
) PARTITION BY RANGE (at);
CREATE TABLE measurements_2026_01 PARTITION OF measurements
    FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE measurements_2026_02 PARTITION OF measurements
    FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
CREATE INDEX measurements_2026_01_by_sensor ON measurements_2026_01 (sensor, at);
CREATE INDEX measurements_2026_02_by_sensor ON measurements_2026_02 (sensor, at);
