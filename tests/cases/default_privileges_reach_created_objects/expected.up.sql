ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO authenticated;

CREATE SCHEMA other;

CREATE DOMAIN app.positive AS integer CONSTRAINT positive_check CHECK ((VALUE > 0));

CREATE TABLE app.account (
    id integer NOT NULL,
    CONSTRAINT account_pkey PRIMARY KEY (id)
);

CREATE TABLE app.audit (
    id integer
);

REVOKE DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE ON TABLE app.audit FROM authenticated;

REVOKE DELETE, TRUNCATE ON TABLE app.audit FROM service_role;

CREATE TABLE other.note (
    id integer
);

GRANT SELECT ON TABLE other.note TO authenticated;

CREATE OR REPLACE FUNCTION app.internal()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 1$function$;

CREATE OR REPLACE FUNCTION app.open()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 2$function$;

GRANT EXECUTE ON FUNCTION app.open() TO PUBLIC;

CREATE VIEW app.account_ids AS
 SELECT account.id
   FROM app.account;
