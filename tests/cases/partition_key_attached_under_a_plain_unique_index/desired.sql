-- A partition's own primary key serves as its part of the parent's plain
-- unique index: PostgreSQL attaches it when the parent's index is built
-- after it (or by ALTER INDEX ... ATTACH PARTITION when the index exists),
-- and makes the other partitions' parts.
CREATE TABLE events (
    id bigint NOT NULL,
    kind text NOT NULL
) PARTITION BY LIST (kind);

CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click');
CREATE TABLE events_view PARTITION OF events FOR VALUES IN ('view');

ALTER TABLE events_click ADD CONSTRAINT events_click_pkey PRIMARY KEY (id, kind);

CREATE UNIQUE INDEX events_id_kind_key ON events (id, kind);
