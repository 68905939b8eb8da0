DROP INDEX public.orders_by_region_id;

-- hazard long-lock: holds SHARE on public.orders_eu for the whole build of index public.orders_eu_region_id_idx: writes wait
CREATE INDEX orders_eu_region_id_idx ON public.orders_eu USING btree (region, id);
