ALTER TABLE public.child DROP CONSTRAINT child_parent_id_fkey;

-- hazard data-loss: drops table public.parent and every row in it
DROP TABLE public.parent;
