CREATE SCHEMA extensions;

CREATE EXTENSION citext WITH SCHEMA public;

CREATE EXTENSION "uuid-ossp" WITH SCHEMA extensions;

CREATE TABLE public.events (
    id uuid DEFAULT extensions.uuid_generate_v4() NOT NULL,
    email public.citext NOT NULL,
    payload text,
    CONSTRAINT events_pkey PRIMARY KEY (id)
);

CREATE INDEX events_email_idx ON public.events USING btree (email);
