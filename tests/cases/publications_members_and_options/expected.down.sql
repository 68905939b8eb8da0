ALTER PUBLICATION analytics DROP TABLES IN SCHEMA public;

ALTER PUBLICATION analytics SET (publish = 'insert', publish_via_partition_root = false);

CREATE PUBLICATION retired FOR TABLE ONLY public.audit;

ALTER PUBLICATION sales DROP TABLE ONLY public.customers, TABLE ONLY public.orders, TABLE ONLY public.refunds;

ALTER PUBLICATION sales SET (publish = 'insert, update, delete, truncate', publish_via_partition_root = false);

COMMENT ON PUBLICATION sales IS 'to the warehouse';

ALTER PUBLICATION sales ADD TABLE ONLY public.audit, TABLE ONLY public.orders (id, total) WHERE ((total > (0)::numeric));

DROP PUBLICATION "New Feed";

DROP PUBLICATION everything;

CREATE PUBLICATION everything FOR ALL TABLES;

-- hazard data-loss: drops table public.refunds and every row in it
DROP TABLE public.refunds;
