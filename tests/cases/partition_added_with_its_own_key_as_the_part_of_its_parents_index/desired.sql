-- A new partition brings its own primary key, which is its part of the
-- parent's unique index.
CREATE TABLE events (
    tenant text NOT NULL,
    id bigint NOT NULL,
    kind text DEFAULT 'note',
    at timestamptz,
    CHECK (kind <> '')
) PARTITION BY LIST (tenant);
CREATE TABLE events_globex PARTITION OF events (PRIMARY KEY (tenant, id))
    FOR VALUES IN ('globex');
CREATE UNIQUE INDEX events_tenant_id ON events (tenant, id);
CREATE TABLE events_acme PARTITION OF events FOR VALUES IN ('acme');

CREATE TABLE event_links (
    tenant text NOT NULL,
    event bigint NOT NULL,
    FOREIGN KEY (tenant, event) REFERENCES events (tenant, id)
);
