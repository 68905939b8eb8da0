-- hazard needs-data: re-creates column public.c.p_id empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
ALTER TABLE public.c ADD COLUMN p_id integer;

-- hazard needs-data: re-creates column public.c.n empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
ALTER TABLE public.c ADD COLUMN n integer;

ALTER TABLE public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.c_p_idx concurrently on the existing table public.c: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY c_p_idx ON public.c USING btree (p_id, n);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows of public.c without a match for foreign key c_p_id_fkey make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.c VALIDATE CONSTRAINT c_p_id_fkey;
