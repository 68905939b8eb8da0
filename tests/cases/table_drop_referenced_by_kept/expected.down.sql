-- hazard needs-data: re-creates table public.parent empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.parent (
    id integer NOT NULL,
    CONSTRAINT parent_pkey PRIMARY KEY (id)
);

ALTER TABLE public.child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent(id) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows of public.child without a match for foreign key child_parent_id_fkey make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.child VALIDATE CONSTRAINT child_parent_id_fkey;
