CREATE OR REPLACE FUNCTION public.z_rows()
 RETURNS SETOF public.visit
 LANGUAGE sql
 STABLE
AS $function$ SELECT * FROM public.visit $function$;

CREATE OR REPLACE FUNCTION public.a_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ SELECT count(*) FROM public.z_rows() $function$;

CREATE OR REPLACE FUNCTION public.z_width()
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT 6 $function$;

CREATE OR REPLACE FUNCTION public.b_digits(n bigint)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT lpad(n::text, public.z_width(), '0')$function$;

CREATE OR REPLACE FUNCTION public.m_prefix()
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT 'v' || public.z_width()::text $function$;

CREATE OR REPLACE FUNCTION public.a_label(id bigint)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT public.m_prefix() || ':' || public.b_digits(id) $function$;

CREATE DOMAIN public.label AS text CONSTRAINT label_check CHECK ((VALUE <> public.a_label((0)::bigint)));

-- hazard table-rewrite: rewrites the table to compute column public.visit.code
ALTER TABLE public.visit ADD COLUMN code text GENERATED ALWAYS AS (public.a_label(id)) STORED;

ALTER TABLE public.visit ADD COLUMN tag public.label DEFAULT public.m_prefix();

ALTER TABLE public.visit ADD CONSTRAINT visit_id_check CHECK ((length(public.b_digits(id)) >= 6)) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.visit_label_idx concurrently on the existing table public.visit: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY visit_label_idx ON public.visit USING btree (public.a_label(id));

CREATE VIEW public.visit_count AS
 SELECT public.a_count() AS n;

CREATE MATERIALIZED VIEW public.a_summary AS
 SELECT visit_count.n
   FROM public.visit_count;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.visit VALIDATE CONSTRAINT visit_id_check;
