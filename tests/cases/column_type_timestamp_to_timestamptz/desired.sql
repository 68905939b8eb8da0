CREATE TABLE events (at timestamptz NOT NULL);
