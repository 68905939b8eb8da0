-- A list partition dropped (its rows with it), a default added.
CREATE TABLE events (at date NOT NULL, kind text) PARTITION BY LIST (kind);
CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click', 'tap');
CREATE TABLE events_other PARTITION OF events DEFAULT;
