CREATE TABLE public.customers_v2 (
    region text NOT NULL,
    id integer NOT NULL,
    first_order integer,
    CONSTRAINT customers_v2_pkey PRIMARY KEY (region, id)
) PARTITION BY LIST (region);

CREATE TABLE public.orders_v2 (
    region text NOT NULL,
    id integer NOT NULL,
    customer integer,
    CONSTRAINT orders_v2_pkey PRIMARY KEY (region, id)
) PARTITION BY LIST (region);

ALTER TABLE public.customers DROP CONSTRAINT customers_first_order_fk;

ALTER TABLE public.customers_v2 ADD CONSTRAINT customers_first_order_fk FOREIGN KEY (region, first_order) REFERENCES public.orders_v2(region, id);

ALTER TABLE public.customers_eu DROP CONSTRAINT customers_eu_first_order_fk;

ALTER TABLE public.orders DROP CONSTRAINT orders_customer_fk;

ALTER TABLE public.orders_v2 ADD CONSTRAINT orders_customer_fk FOREIGN KEY (region, customer) REFERENCES public.customers_v2(region, id);

ALTER TABLE public.orders_eu DROP CONSTRAINT orders_eu_customer_fk;

-- hazard data-loss: drops table public.customers and every row in it
-- hazard needs-data: table public.customers goes while public.customers_eu, public.customers_v2, public.orders_eu, public.orders_v2 appear: if they take its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.customers;

CREATE TABLE public.customers_eu PARTITION OF public.customers_v2 FOR VALUES IN ('eu');

-- hazard data-loss: drops table public.orders and every row in it
-- hazard needs-data: table public.orders goes while public.customers_eu, public.customers_v2, public.orders_eu, public.orders_v2 appear: if they take its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.orders;

CREATE TABLE public.orders_eu PARTITION OF public.orders_v2 FOR VALUES IN ('eu');

CREATE UNIQUE INDEX orders_eu_region_customer_idx ON public.orders_eu USING btree (region, customer);
CREATE UNIQUE INDEX orders_by_customer ON public.orders_v2 USING btree (region, customer);

ALTER TABLE public.customers_eu ADD CONSTRAINT customers_eu_first_order_fk FOREIGN KEY (region, first_order) REFERENCES public.orders_eu(region, id);

ALTER TABLE public.orders_eu ADD CONSTRAINT orders_eu_customer_fk FOREIGN KEY (region, customer) REFERENCES public.customers_eu(region, id);
