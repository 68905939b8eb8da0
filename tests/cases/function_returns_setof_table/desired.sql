CREATE TABLE posts (id bigint PRIMARY KEY, title text, published boolean NOT NULL DEFAULT false);
-- Its result is the table's row type: created after the table.
CREATE FUNCTION published_posts() RETURNS SETOF posts LANGUAGE sql STABLE
    BEGIN ATOMIC SELECT * FROM posts WHERE published; END;
