-- Storage parameters on tables (and their TOAST tables), and CLUSTER ON.
CREATE TABLE public.tuned (id integer PRIMARY KEY, body text) WITH (fillfactor = 80, autovacuum_enabled = false);

CREATE TABLE public.untuned (id integer PRIMARY KEY, body text) WITH (fillfactor = 90, toast.autovacuum_enabled = false);

CREATE TABLE public.clustered (id integer PRIMARY KEY, at timestamptz NOT NULL, kind text NOT NULL);
CREATE INDEX clustered_at ON public.clustered (at);
CREATE INDEX clustered_kind ON public.clustered (kind);
ALTER TABLE public.clustered CLUSTER ON clustered_at;

CREATE TABLE public.unclustered (id integer PRIMARY KEY);
ALTER TABLE public.unclustered CLUSTER ON unclustered_pkey;

CREATE TABLE public.cluster_index_rebuilt (id integer PRIMARY KEY, at timestamptz NOT NULL);
CREATE INDEX cluster_index_rebuilt_at ON public.cluster_index_rebuilt (at);
ALTER TABLE public.cluster_index_rebuilt CLUSTER ON cluster_index_rebuilt_at;
