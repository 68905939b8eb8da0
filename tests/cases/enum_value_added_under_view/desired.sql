-- A value added in place: the view over the column stays.
CREATE TYPE post_state AS ENUM ('draft', 'scheduled', 'published');
CREATE TABLE posts (id bigint PRIMARY KEY, state post_state NOT NULL DEFAULT 'draft');
CREATE VIEW live_posts AS SELECT id, state FROM posts WHERE state <> 'draft';
