-- A column renamed under a view: the rename keeps the view (PostgreSQL
-- follows it), whose text then reads the new name.
CREATE TABLE people (
    id int,
    -- schemac:renamed-from full_name
    display_name text
);
CREATE VIEW directory AS SELECT id, display_name AS full_name FROM people;
