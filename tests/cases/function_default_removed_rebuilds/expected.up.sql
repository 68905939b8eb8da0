DROP VIEW public.greetings;

DROP FUNCTION public.greet(text);

CREATE OR REPLACE FUNCTION public.greet(name text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
RETURN ('hello '::text || name);

CREATE VIEW public.greetings AS
 SELECT public.greet('world'::text) AS g;
