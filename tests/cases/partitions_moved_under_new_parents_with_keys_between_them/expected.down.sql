-- hazard needs-data: re-creates table public.customers empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.customers (
    region text NOT NULL,
    id integer NOT NULL,
    first_order integer,
    CONSTRAINT customers_pkey PRIMARY KEY (region, id)
) PARTITION BY LIST (region);

-- hazard needs-data: re-creates table public.orders empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.orders (
    region text NOT NULL,
    id integer NOT NULL,
    customer integer,
    CONSTRAINT orders_pkey PRIMARY KEY (region, id)
) PARTITION BY LIST (region);

ALTER TABLE public.customers_eu DROP CONSTRAINT customers_eu_first_order_fk;

ALTER TABLE public.customers_v2 DROP CONSTRAINT customers_first_order_fk;

ALTER TABLE public.customers ADD CONSTRAINT customers_first_order_fk FOREIGN KEY (region, first_order) REFERENCES public.orders(region, id);

ALTER TABLE public.orders_eu DROP CONSTRAINT orders_eu_customer_fk;

ALTER TABLE public.orders_v2 DROP CONSTRAINT orders_customer_fk;

ALTER TABLE public.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (region, customer) REFERENCES public.customers(region, id);

-- hazard data-loss: drops table public.customers_v2 and every row in it
-- hazard needs-data: table public.customers_v2 goes while public.customers, public.customers_eu, public.orders, public.orders_eu appear: if they take its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.customers_v2;

CREATE TABLE public.customers_eu PARTITION OF public.customers FOR VALUES IN ('eu');

-- hazard data-loss: drops table public.orders_v2 and every row in it
-- hazard needs-data: table public.orders_v2 goes while public.customers, public.customers_eu, public.orders, public.orders_eu appear: if they take its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.orders_v2;

CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('eu');

CREATE UNIQUE INDEX orders_eu_region_customer_idx ON public.orders_eu USING btree (region, customer);
CREATE UNIQUE INDEX orders_by_customer ON public.orders USING btree (region, customer);

ALTER TABLE public.customers_eu ADD CONSTRAINT customers_eu_first_order_fk FOREIGN KEY (region, first_order) REFERENCES public.orders_eu(region, id);

ALTER TABLE public.orders_eu ADD CONSTRAINT orders_eu_customer_fk FOREIGN KEY (region, customer) REFERENCES public.customers_eu(region, id);
