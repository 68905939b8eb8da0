-- The result type changes, which CREATE OR REPLACE refuses: the check, the
-- index and both views go first and come back after, with the comment.
CREATE FUNCTION score(views integer, likes integer) RETURNS bigint
    LANGUAGE sql IMMUTABLE RETURN views::bigint + 10 * likes;
CREATE TABLE posts (
    id bigint PRIMARY KEY,
    views integer NOT NULL,
    likes integer NOT NULL,
    CONSTRAINT posts_score_positive CHECK (score(views, likes) >= 0)
);
CREATE INDEX posts_score_idx ON posts (score(views, likes));
CREATE VIEW ranked AS SELECT id, score(views, likes) AS score FROM posts;
COMMENT ON VIEW ranked IS 'Posts by score';
CREATE VIEW top AS SELECT id FROM ranked ORDER BY score DESC LIMIT 10;
