-- hazard long-lock: holds SHARE on public.orders for the whole build of index public.orders_by_region_id: writes wait
CREATE INDEX orders_us_region_id_idx ON public.orders_us USING btree (region, id);
CREATE INDEX orders_by_region_id ON public.orders USING btree (region, id);
