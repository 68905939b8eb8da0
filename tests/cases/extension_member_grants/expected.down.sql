CREATE EXTENSION hstore WITH SCHEMA public;

GRANT EXECUTE ON FUNCTION public.hstore(text, text) TO service_role;

REVOKE EXECUTE ON FUNCTION public.citext_hash(public.citext) FROM service_role;

GRANT EXECUTE ON FUNCTION public.texticlike(public.citext, public.citext) TO PUBLIC;
