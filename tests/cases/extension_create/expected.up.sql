CREATE EXTENSION citext WITH SCHEMA public;

CREATE TABLE public.users (
    email public.citext,
    CONSTRAINT users_email_key UNIQUE (email)
);
