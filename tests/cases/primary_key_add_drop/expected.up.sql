ALTER TABLE public.b DROP CONSTRAINT b_pkey;

-- hazard long-lock: holds ACCESS EXCLUSIVE on public.a while it builds the index of a_pkey
ALTER TABLE public.a ADD CONSTRAINT a_pkey PRIMARY KEY (id);
