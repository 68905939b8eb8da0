REVOKE SELECT ON TABLE public.t FROM service_role;
GRANT SELECT ON TABLE public.t TO service_role;

GRANT EXECUTE ON FUNCTION public.secret() TO PUBLIC;
