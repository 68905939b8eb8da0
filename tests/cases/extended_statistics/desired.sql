-- Extended statistics: created after their table, their target set in
-- place, a changed definition dropped and created again, carried by a
-- column's new type, dropped before a column they name and with their table.
CREATE SCHEMA stats;
CREATE TABLE public.orders (
    id bigint PRIMARY KEY,
    city text NOT NULL,
    zip text NOT NULL,
    total bigint,
    placed date
);
CREATE STATISTICS public.orders_city_zip (dependencies) ON city, zip FROM public.orders;
ALTER STATISTICS public.orders_city_zip SET STATISTICS 500;
COMMENT ON STATISTICS public.orders_city_zip IS 'a city decides its zip codes';
CREATE STATISTICS public.orders_kinds (ndistinct, mcv) ON city, zip FROM public.orders;
CREATE STATISTICS stats.orders_total ON total, placed FROM public.orders;
CREATE STATISTICS stats."Orders by city" ON (lower(city)), zip FROM public.orders;

CREATE MATERIALIZED VIEW public.city_counts AS
    SELECT city, zip, count(*) AS n FROM public.orders GROUP BY city, zip WITH NO DATA;
CREATE STATISTICS public.city_counts_city_zip ON city, zip FROM public.city_counts;
