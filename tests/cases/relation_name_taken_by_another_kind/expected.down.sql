DROP VIEW public.report;

-- hazard needs-data: re-creates table public.report empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.report (
    id integer NOT NULL,
    total numeric,
    CONSTRAINT report_pkey PRIMARY KEY (id)
);

-- hazard data-loss: drops table public.address and every row in it
-- hazard needs-data: table public.address goes while public.report appears: if it takes its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.address;

CREATE TYPE public.address AS (
    street text,
    city text
);

DROP SEQUENCE public.order_numbers;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.order_numbers concurrently on the existing table public.orders: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY order_numbers ON public.orders USING btree (amount);
