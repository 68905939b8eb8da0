CREATE TYPE post_state AS ENUM ('draft', 'review', 'published');
CREATE TABLE posts (id bigint PRIMARY KEY, state post_state NOT NULL DEFAULT 'draft');
CREATE VIEW live_posts AS SELECT id FROM posts WHERE state = 'published';
