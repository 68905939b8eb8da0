GRANT EXECUTE ON FUNCTION public.citext_hash(public.citext) TO service_role;

REVOKE EXECUTE ON FUNCTION public.texticlike(public.citext, public.citext) FROM PUBLIC;

DROP EXTENSION hstore;
