ALTER TABLE public.a DROP CONSTRAINT a_c_fkey;

ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey;

ALTER TABLE public.c DROP CONSTRAINT c_b_id_fkey;

-- hazard data-loss: drops table public.a and every row in it
DROP TABLE public.a;

-- hazard data-loss: drops table public.b and every row in it
DROP TABLE public.b;

-- hazard data-loss: drops table public.c and every row in it
DROP TABLE public.c;
