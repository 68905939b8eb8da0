-- Loosened in place: default, NOT NULL and the check go.
CREATE DOMAIN score AS integer;
CREATE TABLE results (id int, s score);
