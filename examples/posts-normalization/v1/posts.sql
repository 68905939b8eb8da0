-- v1: the monolithic schema the guide starts from.
CREATE TABLE user_profiles (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    handle text NOT NULL UNIQUE,
    display_name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Everything about a post in one row: its text, media, counters and embedding.
CREATE TABLE posts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES user_profiles ON DELETE CASCADE,
    caption text NOT NULL DEFAULT '',
    body text NOT NULL DEFAULT '',
    media_urls text[] NOT NULL DEFAULT '{}',
    hashtags text[] NOT NULL DEFAULT '{}',
    likes integer NOT NULL DEFAULT 0,
    comments integer NOT NULL DEFAULT 0,
    embedding real[],
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX posts_user_id_idx ON posts (user_id);

CREATE TABLE post_analytics (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
    metric text NOT NULL CHECK (metric IN ('likes', 'comments', 'reach')),
    value numeric NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX post_analytics_post_id_idx ON post_analytics (post_id, recorded_at);

-- Obsolete by v3 (the guide's cleanup removes them).
CREATE TABLE content_generations (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES user_profiles ON DELETE CASCADE,
    prompt text NOT NULL,
    output text
);

CREATE TABLE hashtag_analytics (
    hashtag text PRIMARY KEY,
    uses integer NOT NULL DEFAULT 0,
    last_used_at timestamptz
);
