CREATE TYPE post_state AS ENUM ('draft', 'scheduled', 'published');

CREATE TABLE posts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state post_state NOT NULL DEFAULT 'draft',
    views bigint NOT NULL DEFAULT 0,
    -- schemac:renamed-from title
    headline text
);
CREATE INDEX posts_state_idx ON posts (state);

CREATE TABLE "Post Tags" (
    post_id bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag text NOT NULL,
    PRIMARY KEY (post_id, tag)
);
COMMENT ON TABLE "Post Tags" IS 'Free-form tags; the name needs quoting.';
