DROP VIEW public.w;

DROP VIEW public.v;

CREATE VIEW public.v AS
 SELECT t.a,
    t.c AS b2
   FROM public.t;

CREATE VIEW public.w AS
 SELECT v.a
   FROM public.v;
