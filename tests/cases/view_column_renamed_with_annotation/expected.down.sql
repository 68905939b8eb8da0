ALTER TABLE public.people RENAME COLUMN display_name TO full_name;
