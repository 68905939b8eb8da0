CREATE VIEW public.v1 AS
 SELECT t.a,
    t.b
   FROM public.t;

CREATE VIEW public.v2 AS
 SELECT v1.a
   FROM public.v1;
