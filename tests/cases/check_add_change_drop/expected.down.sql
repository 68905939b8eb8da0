ALTER TABLE public.t DROP CONSTRAINT a_positive;

ALTER TABLE public.t DROP CONSTRAINT ab;

ALTER TABLE public.t ADD CONSTRAINT a_positive CHECK ((a > 0));

ALTER TABLE public.t ADD CONSTRAINT t_b_check CHECK ((b < 10));
