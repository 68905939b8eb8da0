-- hazard data-loss: drops table public.orders and every row in it
DROP TABLE public.orders;

-- hazard needs-data: re-creates table public.orders empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.orders (
    id integer NOT NULL,
    placed_on date NOT NULL
) PARTITION BY RANGE (placed_on);

-- hazard needs-data: rows of public.orders_2025 outside FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.orders ATTACH PARTITION public.orders_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE INDEX orders_2025_id_idx ON public.orders_2025 USING btree (id);
CREATE INDEX orders_id_idx ON public.orders USING btree (id);
