ALTER TABLE public.events RENAME TO archived_events;

ALTER TABLE public.archived_events RENAME CONSTRAINT events_pkey TO archived_events_pkey;

CREATE TABLE public.events (
    id bigint NOT NULL,
    kind text NOT NULL,
    payload jsonb NOT NULL,
    CONSTRAINT events_pkey PRIMARY KEY (id)
);
