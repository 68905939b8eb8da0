-- schemac:renamed-from events
CREATE TABLE archived_events (
    id bigint PRIMARY KEY,
    payload jsonb NOT NULL
);
CREATE TABLE events (
    id bigint PRIMARY KEY,
    kind text NOT NULL,
    payload jsonb NOT NULL
);
