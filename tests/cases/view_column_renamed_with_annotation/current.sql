CREATE TABLE people (id int, full_name text);
CREATE VIEW directory AS SELECT id, full_name FROM people;
