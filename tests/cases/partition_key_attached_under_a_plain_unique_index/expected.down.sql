DROP INDEX public.events_id_kind_key CASCADE;
