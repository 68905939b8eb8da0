CREATE SCHEMA events;
CREATE TABLE events.clicks (id bigint PRIMARY KEY);
CREATE TABLE events.views (id bigint PRIMARY KEY);

CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric, note text);
CREATE TABLE public.customers (id bigint PRIMARY KEY, "E-mail" text);
CREATE TABLE public.audit (id bigint PRIMARY KEY);
CREATE TABLE public.refunds (id bigint PRIMARY KEY, amount numeric);

CREATE PUBLICATION sales FOR TABLE public.orders (id, total, note) WHERE (total >= 0),
    TABLE public.customers (id, "E-mail"), TABLE public.refunds WHERE (amount > 0)
    WITH (publish = 'insert, update, delete', publish_via_partition_root = true);
CREATE PUBLICATION analytics FOR TABLES IN SCHEMA events, TABLES IN SCHEMA public;
CREATE PUBLICATION everything FOR TABLE public.orders;
CREATE PUBLICATION "New Feed" FOR TABLE events.clicks WITH (publish = 'truncate');
COMMENT ON PUBLICATION sales IS 'to the warehouse, with refunds';
