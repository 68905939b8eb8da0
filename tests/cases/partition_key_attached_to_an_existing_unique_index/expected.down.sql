DROP INDEX public.events_id_kind_key CASCADE;

CREATE UNIQUE INDEX events_id_kind_key ON ONLY public.events USING btree (id, kind);
