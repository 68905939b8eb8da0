CREATE TABLE public.refunds (
    id bigint NOT NULL,
    amount numeric,
    CONSTRAINT refunds_pkey PRIMARY KEY (id)
);

CREATE PUBLICATION "New Feed" FOR TABLE ONLY events.clicks WITH (publish = 'truncate', publish_via_partition_root = false);

ALTER PUBLICATION analytics SET (publish = 'insert, update, delete, truncate', publish_via_partition_root = false);

ALTER PUBLICATION analytics ADD TABLES IN SCHEMA public;

ALTER PUBLICATION sales DROP TABLE ONLY public.audit, TABLE ONLY public.orders;

ALTER PUBLICATION sales SET (publish = 'insert, update, delete', publish_via_partition_root = true);

COMMENT ON PUBLICATION sales IS 'to the warehouse, with refunds';

ALTER PUBLICATION sales ADD TABLE ONLY public.customers ("E-mail", id), TABLE ONLY public.orders (id, note, total) WHERE ((total >= (0)::numeric)), TABLE ONLY public.refunds WHERE ((amount > (0)::numeric));

DROP PUBLICATION everything;

CREATE PUBLICATION everything FOR TABLE ONLY public.orders;

DROP PUBLICATION retired;
