-- String SQL bodies are analyzed when they are created, so the functions they
-- call must exist first; pg_depend does not record those calls. The callers'
-- names sort before their callees', so only the graph can order them. What
-- evaluates the chain at creation (a generated column, a default, a check, an
-- index, a materialized view over a view, a domain) comes after all of it.
CREATE FUNCTION public.a_label(id bigint) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT public.m_prefix() || ':' || public.b_digits(id) $$;
CREATE FUNCTION public.b_digits(n bigint) RETURNS text LANGUAGE sql IMMUTABLE
    AS 'SELECT lpad(n::text, public.z_width(), ''0'')';
CREATE FUNCTION public.m_prefix() RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT 'v' || public.z_width()::text $$;
CREATE FUNCTION public.z_width() RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$ SELECT 6 $$;
CREATE FUNCTION public.a_count() RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM public.z_rows() $$;
CREATE FUNCTION public.z_rows() RETURNS SETOF public.visit LANGUAGE sql STABLE
    AS $$ SELECT * FROM public.visit $$;

CREATE DOMAIN public.label AS text CHECK (VALUE <> public.a_label(0));

CREATE TABLE public.visit (
    id bigint PRIMARY KEY,
    code text GENERATED ALWAYS AS (public.a_label(id)) STORED,
    tag public.label DEFAULT public.m_prefix(),
    CHECK (length(public.b_digits(id)) >= 6)
);
CREATE INDEX visit_label_idx ON public.visit (public.a_label(id));

CREATE VIEW public.visit_count AS SELECT public.a_count() AS n;
CREATE MATERIALIZED VIEW public.a_summary AS SELECT * FROM public.visit_count;
