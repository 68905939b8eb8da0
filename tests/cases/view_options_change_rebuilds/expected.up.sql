DROP VIEW public.mine;

CREATE VIEW public.mine WITH (security_invoker=true, security_barrier=true) AS
 SELECT t.id
   FROM public.t
  WHERE (t.owner = CURRENT_USER);

COMMENT ON VIEW public.mine IS 'Rows of the current user';
