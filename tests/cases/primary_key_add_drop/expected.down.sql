ALTER TABLE public.a DROP CONSTRAINT a_pkey;

-- hazard long-lock: holds ACCESS EXCLUSIVE on public.b while it builds the index of b_pkey
ALTER TABLE public.b ADD CONSTRAINT b_pkey PRIMARY KEY (id);
