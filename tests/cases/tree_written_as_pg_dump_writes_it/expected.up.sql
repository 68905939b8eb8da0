ALTER SCHEMA app OWNER TO postgres;

CREATE TYPE app.order_status AS ENUM ('new', 'paid');

ALTER TYPE app.order_status OWNER TO postgres;

CREATE TABLE app.orders (
    id bigint GENERATED ALWAYS AS IDENTITY,
    user_id integer NOT NULL,
    status app.order_status DEFAULT 'new'::app.order_status NOT NULL,
    updated_at timestamp with time zone,
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users(id) ON DELETE CASCADE
);

COMMENT ON TABLE app.orders IS 'one row per order';

ALTER TABLE app.orders OWNER TO postgres;

ALTER TABLE app.users OWNER TO postgres;

CREATE OR REPLACE FUNCTION app.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$function$;

ALTER FUNCTION app.touch() OWNER TO postgres;

CREATE INDEX orders_user_id_idx ON app.orders USING btree (user_id);

CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch();

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index app.users_email_key concurrently on the existing table app.users: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON app.users USING btree (email);

ALTER TABLE app.users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
