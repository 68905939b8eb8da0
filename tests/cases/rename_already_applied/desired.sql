-- A rename that has been applied: the annotations left in place change nothing.
-- schemac:renamed-from users
CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    -- schemac:renamed-from mail
    email text NOT NULL
);
