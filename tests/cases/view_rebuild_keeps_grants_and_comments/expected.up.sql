DROP VIEW public.big_orders;

DROP VIEW public.order_totals;

CREATE VIEW public.order_totals AS
 SELECT orders.id,
    (orders.total)::bigint AS total
   FROM public.orders;

GRANT SELECT ON TABLE public.order_totals TO service_role;

CREATE VIEW public.big_orders AS
 SELECT order_totals.id
   FROM public.order_totals
  WHERE (order_totals.total > 1000);

COMMENT ON VIEW public.big_orders IS 'Orders over 1000';

GRANT SELECT ON TABLE public.big_orders TO authenticated;
