CREATE TYPE status AS ENUM (
    'active',
    -- schemac:renamed-from 'disabled'
    'suspended'
);
-- schemac:renamed-from users
CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    -- schemac:renamed-from mail
    email text NOT NULL UNIQUE,
    state status NOT NULL DEFAULT 'active',
    -- schemac:renamed-from mail_shape
    CONSTRAINT email_shape CHECK (email LIKE '%@%')
);
CREATE INDEX accounts_state_idx ON accounts (state);
CREATE TABLE posts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- schemac:renamed-from user_id
    account_id bigint NOT NULL REFERENCES accounts (id),
    body text
);
-- schemac:renamed-from posts_user_id_idx
CREATE INDEX posts_account_id_idx ON posts (account_id);
