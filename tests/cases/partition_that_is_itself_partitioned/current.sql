-- A partition that is itself partitioned keeps its PARTITION BY when it is
-- created, or its own partitions cannot join it.
CREATE TABLE public.readings (id bigint NOT NULL, site text NOT NULL, taken date NOT NULL)
    PARTITION BY LIST (site);
