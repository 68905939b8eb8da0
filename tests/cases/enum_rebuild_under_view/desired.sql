-- A value removed: the type is rebuilt, and the view over the column with it.
CREATE TYPE post_state AS ENUM ('draft', 'published');
CREATE TABLE posts (id bigint PRIMARY KEY, state post_state NOT NULL DEFAULT 'draft');
CREATE VIEW live_posts AS SELECT id FROM posts WHERE state = 'published';
