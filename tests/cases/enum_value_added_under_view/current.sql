CREATE TYPE post_state AS ENUM ('draft', 'published');
CREATE TABLE posts (id bigint PRIMARY KEY, state post_state NOT NULL DEFAULT 'draft');
CREATE VIEW live_posts AS SELECT id, state FROM posts WHERE state <> 'draft';
