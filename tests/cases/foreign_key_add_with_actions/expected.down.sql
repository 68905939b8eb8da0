ALTER TABLE public.c DROP CONSTRAINT c_p_id_fkey;
