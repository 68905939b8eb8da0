DROP VIEW public.mine;

CREATE VIEW public.mine AS
 SELECT t.id
   FROM public.t
  WHERE (t.owner = CURRENT_USER);
