CREATE TABLE events (at date NOT NULL, kind text) PARTITION BY LIST (kind);
CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click');
CREATE TABLE events_view PARTITION OF events FOR VALUES IN ('view');
