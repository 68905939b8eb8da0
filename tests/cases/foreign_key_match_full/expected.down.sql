ALTER TABLE public.c DROP CONSTRAINT c_a_b_fkey;
