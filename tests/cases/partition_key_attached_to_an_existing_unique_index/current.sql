CREATE TABLE events (
    id bigint NOT NULL,
    kind text NOT NULL
) PARTITION BY LIST (kind);

CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click');

CREATE UNIQUE INDEX events_id_kind_key ON ONLY events (id, kind);
