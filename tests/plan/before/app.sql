CREATE TYPE post_state AS ENUM ('draft', 'published');

CREATE TABLE posts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state post_state NOT NULL DEFAULT 'draft',
    views integer NOT NULL DEFAULT 0,
    title text,
    legacy_slug text
);
