CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL, body text, published boolean NOT NULL DEFAULT false);
-- Replaced in place: a column is added at the end.
CREATE VIEW published_posts AS SELECT id, title, length(body) AS body_length FROM posts WHERE published;
CREATE VIEW "Long Posts" WITH (security_barrier = true) AS
    SELECT id FROM posts WHERE length(body) > 1000;
COMMENT ON VIEW "Long Posts" IS 'More than 1000 characters';
CREATE MATERIALIZED VIEW post_counts AS
    SELECT published, count(*) AS n FROM posts GROUP BY published;
