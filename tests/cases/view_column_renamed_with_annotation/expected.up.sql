ALTER TABLE public.people RENAME COLUMN full_name TO display_name;
