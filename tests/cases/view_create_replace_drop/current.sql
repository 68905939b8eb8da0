CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL, body text, published boolean NOT NULL DEFAULT false);
-- Replaced in place: a column is added at the end.
CREATE VIEW published_posts AS SELECT id, title FROM posts WHERE published;
CREATE VIEW drafts AS SELECT id, title FROM posts WHERE NOT published;
