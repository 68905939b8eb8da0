-- Publications change in place: members leave and join (a changed column
-- list or row filter leaves and joins again), options are SET; a publication
-- for all tables cannot become one for a list, so it is created again.
CREATE SCHEMA events;
CREATE TABLE events.clicks (id bigint PRIMARY KEY);
CREATE TABLE events.views (id bigint PRIMARY KEY);

CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric, note text);
CREATE TABLE public.customers (id bigint PRIMARY KEY, "E-mail" text);
CREATE TABLE public.audit (id bigint PRIMARY KEY);

CREATE PUBLICATION sales FOR TABLE public.orders (id, total) WHERE (total > 0), TABLE public.audit;
CREATE PUBLICATION analytics FOR TABLES IN SCHEMA events WITH (publish = 'insert');
CREATE PUBLICATION everything FOR ALL TABLES;
CREATE PUBLICATION retired FOR TABLE public.audit;
COMMENT ON PUBLICATION sales IS 'to the warehouse';
