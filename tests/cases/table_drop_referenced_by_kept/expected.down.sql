CREATE TABLE public.parent (
    id integer NOT NULL,
    CONSTRAINT parent_pkey PRIMARY KEY (id)
);

ALTER TABLE public.child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent(id);
