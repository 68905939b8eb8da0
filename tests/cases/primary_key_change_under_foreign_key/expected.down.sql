-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows with equal values in (id) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
-- hazard index-build: builds index public.p_key_schemac_new concurrently on the existing table public.p: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY p_key_schemac_new ON public.p USING btree (id);

ALTER TABLE public.c DROP CONSTRAINT c_p_id_fkey;

ALTER TABLE public.p DROP CONSTRAINT p_key;

ALTER TABLE public.p ADD CONSTRAINT p_key UNIQUE USING INDEX p_key_schemac_new;

ALTER TABLE public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows of public.c without a match for foreign key c_p_id_fkey make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.c VALIDATE CONSTRAINT c_p_id_fkey;
