-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.order_numbers;

CREATE SEQUENCE public.order_numbers;

-- hazard data-loss: drops table public.report and every row in it
DROP TABLE public.report;

CREATE VIEW public.report AS
 SELECT count(*) AS orders,
    sum(orders.amount) AS total
   FROM public.orders;

DROP TYPE public.address;

CREATE TABLE public.address (
    id integer NOT NULL,
    street text,
    city text,
    CONSTRAINT address_pkey PRIMARY KEY (id)
);
