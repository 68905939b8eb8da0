-- Partitions with keys and indexes of their own (not their parent's) are
-- diffed like any table's; a partition that a foreign key to its parent
-- reaches is detached before it is dropped (PostgreSQL refuses the drop).
CREATE TABLE public.regions (code text PRIMARY KEY);
CREATE TABLE public.events (id integer, region text, note text, PRIMARY KEY (region, id))
    PARTITION BY LIST (region);
CREATE TABLE public.events_eu PARTITION OF public.events FOR VALUES IN ('eu');
CREATE TABLE public.events_us PARTITION OF public.events FOR VALUES IN ('us');
CREATE TABLE public.event_links (event integer, region text,
    FOREIGN KEY (region, event) REFERENCES public.events);
CREATE INDEX events_eu_note ON public.events_eu (note);
