-- events_2024 joins events. ATTACH PARTITION takes a plain index of the
-- table that matches one of the parent's as its part of that index:
-- events_2024_kind is taken (it exists when the partition is attached),
-- events_2024_at is kept apart (created after, once events_at has a part
-- of its own), so the plan drops it before ATTACH and creates it after.
CREATE TABLE events (id bigint, at date, kind text) PARTITION BY RANGE (at);
CREATE TABLE events_2024 (id bigint, at date, kind text);
CREATE INDEX events_2024_kind ON events_2024 (kind);
ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE INDEX events_at ON events (at);
CREATE INDEX events_kind ON events (kind);
CREATE INDEX events_2024_at ON events_2024 (at);
