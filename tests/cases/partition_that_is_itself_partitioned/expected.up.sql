CREATE TABLE public.readings_north PARTITION OF public.readings FOR VALUES IN ('north') PARTITION BY RANGE (taken);

CREATE TABLE public.readings_north_2026 PARTITION OF public.readings_north FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

CREATE TABLE public.readings_north_rest PARTITION OF public.readings_north DEFAULT;
