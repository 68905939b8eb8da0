CREATE OR REPLACE FUNCTION public.add(a integer, b integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO 'pg_catalog'
RETURN (a + b);
