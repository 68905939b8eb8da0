CREATE TABLE child (id int, parent_id int);
CREATE INDEX child_parent_idx ON child (parent_id);
