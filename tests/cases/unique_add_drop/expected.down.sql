ALTER TABLE public.t DROP CONSTRAINT t_b_key;

-- hazard long-lock: holds ACCESS EXCLUSIVE on public.t while it builds the index of t_a_key
ALTER TABLE public.t ADD CONSTRAINT t_a_key UNIQUE (a);
