-- Renamed back by the reverse plan: the annotations point at desired.sql's names.
CREATE TYPE status AS ENUM (
    'active',
    -- schemac:renamed-from 'suspended'
    'disabled'
);
-- schemac:renamed-from accounts
CREATE TABLE users (
    id bigserial PRIMARY KEY,
    -- schemac:renamed-from email
    mail text NOT NULL UNIQUE,
    state status NOT NULL DEFAULT 'active',
    -- schemac:renamed-from email_shape
    CONSTRAINT mail_shape CHECK (mail LIKE '%@%')
);
CREATE INDEX users_state_idx ON users (state);
CREATE TABLE posts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- schemac:renamed-from account_id
    user_id bigint NOT NULL REFERENCES users (id),
    body text
);
-- schemac:renamed-from posts_account_id_idx
CREATE INDEX posts_user_id_idx ON posts (user_id);
