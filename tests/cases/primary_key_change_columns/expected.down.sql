ALTER TABLE public.t DROP CONSTRAINT t_pkey;

-- hazard long-lock: holds ACCESS EXCLUSIVE on public.t while it builds the index of t_pkey
ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (a);
