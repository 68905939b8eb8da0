CREATE TABLE events (id bigint, at date, kind text) PARTITION BY RANGE (at);
CREATE INDEX events_at ON events (at);
CREATE INDEX events_kind ON events (kind);

CREATE TABLE events_2024 (id bigint, at date, kind text);
CREATE INDEX events_2024_at ON events_2024 (at);
CREATE INDEX events_2024_kind ON events_2024 (kind);
