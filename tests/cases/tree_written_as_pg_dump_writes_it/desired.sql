--
-- PostgreSQL database dump (the form pg_dump --schema-only writes)
--

\restrict Xy12AbCdEf

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

CREATE SCHEMA app;
ALTER SCHEMA app OWNER TO postgres;

CREATE TYPE app.order_status AS ENUM (
    'new',
    'paid'
);
ALTER TYPE app.order_status OWNER TO postgres;

CREATE FUNCTION app.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
ALTER FUNCTION app.touch() OWNER TO postgres;

SET default_tablespace = '';
SET default_table_access_method = heap;

CREATE TABLE app.orders (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    status app.order_status DEFAULT 'new'::app.order_status NOT NULL,
    updated_at timestamp with time zone
);
ALTER TABLE app.orders OWNER TO postgres;

COMMENT ON TABLE app.orders IS 'one row per order';

ALTER TABLE app.orders ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.orders_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE app.users (
    id integer NOT NULL,
    email text NOT NULL
);
ALTER TABLE app.users OWNER TO postgres;

CREATE SEQUENCE app.users_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER TABLE app.users_id_seq OWNER TO postgres;
ALTER SEQUENCE app.users_id_seq OWNED BY app.users.id;

ALTER TABLE ONLY app.users ALTER COLUMN id SET DEFAULT nextval('app.users_id_seq'::regclass);

ALTER TABLE ONLY app.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_email_key UNIQUE (email);

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);

CREATE INDEX orders_user_id_idx ON app.orders USING btree (user_id);

CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch();

ALTER TABLE ONLY app.orders
    ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE;

--
-- PostgreSQL database dump complete
--

\unrestrict Xy12AbCdEf
