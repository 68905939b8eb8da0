CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, deleted boolean NOT NULL DEFAULT false);
CREATE VIEW live_items AS SELECT id, name FROM items WHERE NOT deleted;
