ALTER TABLE public.events DETACH PARTITION public.events_2024;

DROP INDEX public.events_2024_at_idx;
