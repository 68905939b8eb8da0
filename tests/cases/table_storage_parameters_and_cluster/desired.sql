-- Storage parameters on tables (and their TOAST tables), and CLUSTER ON.
CREATE TABLE public.tuned (id integer PRIMARY KEY, body text)
    WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05, toast.autovacuum_enabled = false);

CREATE TABLE public.untuned (id integer PRIMARY KEY, body text);

CREATE TABLE public.logical (id integer PRIMARY KEY) WITH (user_catalog_table = true);

CREATE TABLE public.new_tuned (id integer PRIMARY KEY, body text)
    WITH (fillfactor = 50, vacuum_index_cleanup = auto, toast.autovacuum_enabled = false);

CREATE TABLE public.clustered (id integer PRIMARY KEY, at timestamptz NOT NULL, kind text NOT NULL);
CREATE INDEX clustered_at ON public.clustered (at);
CREATE INDEX clustered_kind ON public.clustered (kind);
ALTER TABLE public.clustered CLUSTER ON clustered_kind;

CREATE TABLE public.unclustered (id integer PRIMARY KEY);

CREATE TABLE public.cluster_index_rebuilt (id integer PRIMARY KEY, at timestamptz NOT NULL);
CREATE INDEX cluster_index_rebuilt_at ON public.cluster_index_rebuilt (at DESC);
ALTER TABLE public.cluster_index_rebuilt CLUSTER ON cluster_index_rebuilt_at;

CREATE TABLE public.new_clustered (id integer PRIMARY KEY);
ALTER TABLE public.new_clustered CLUSTER ON new_clustered_pkey;
