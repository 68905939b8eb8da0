ALTER TABLE public.t DROP CONSTRAINT a_positive;

ALTER TABLE public.t DROP CONSTRAINT t_b_check;

ALTER TABLE public.t ADD CONSTRAINT a_positive CHECK ((a >= 0));

ALTER TABLE public.t ADD CONSTRAINT ab CHECK ((a <> b));
