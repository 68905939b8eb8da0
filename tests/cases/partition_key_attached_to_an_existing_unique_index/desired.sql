-- The parent's unique index exists, built on the parent alone; the
-- partition's new primary key is attached to it, which makes it valid.
CREATE TABLE events (
    id bigint NOT NULL,
    kind text NOT NULL
) PARTITION BY LIST (kind);

CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click');

CREATE UNIQUE INDEX events_id_kind_key ON ONLY events (id, kind);
ALTER TABLE events_click ADD CONSTRAINT events_click_pkey PRIMARY KEY (id, kind);
ALTER INDEX events_id_kind_key ATTACH PARTITION events_click_pkey;
