CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int, parent_id int REFERENCES parent (id));
CREATE INDEX child_parent_idx ON child (parent_id);
