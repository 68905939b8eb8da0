-- hazard data-loss: drops table public.orders and every row in it
-- hazard needs-data: table public.orders goes while public.orders_2025 appears: if it takes its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.orders;

CREATE TABLE public.orders (
    id integer NOT NULL,
    placed_on date NOT NULL
);

CREATE TABLE public.orders_2025 (
    id integer NOT NULL,
    placed_on date NOT NULL
);

CREATE INDEX orders_2025_id_idx ON public.orders USING btree (placed_on);
