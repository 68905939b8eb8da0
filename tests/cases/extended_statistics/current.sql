-- Extended statistics: created after their table, their target set in
-- place, a changed definition dropped and created again, carried by a
-- column's new type, dropped before a column they name and with their table.
CREATE SCHEMA stats;
CREATE TABLE public.orders (
    id bigint PRIMARY KEY,
    city text NOT NULL,
    zip text NOT NULL,
    total numeric(12, 2),
    placed date,
    region text
);
CREATE STATISTICS public.orders_city_zip (dependencies) ON city, zip FROM public.orders;
COMMENT ON STATISTICS public.orders_city_zip IS 'the city decides the zip';
CREATE STATISTICS public.orders_kinds (ndistinct) ON city, region FROM public.orders;
CREATE STATISTICS stats.orders_total ON total, placed FROM public.orders;
CREATE STATISTICS public.orders_zip_region ON zip, region FROM public.orders;
ALTER STATISTICS public.orders_zip_region SET STATISTICS 200;

CREATE TABLE public.old_log (a int, b int);
CREATE STATISTICS public.old_log_ab ON a, b FROM public.old_log;
