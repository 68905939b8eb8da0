CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    amount numeric NOT NULL
);

CREATE VIEW public.report AS
    SELECT count(*) AS orders, sum(amount) AS total FROM public.orders;

CREATE SEQUENCE public.order_numbers;

CREATE TABLE public.address (
    id integer PRIMARY KEY,
    street text,
    city text
);
