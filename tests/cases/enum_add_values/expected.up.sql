ALTER TYPE public.role ADD VALUE 'owner' BEFORE 'admin';

ALTER TYPE public.role ADD VALUE 'editor' AFTER 'admin';

ALTER TYPE public.role ADD VALUE 'guest' AFTER 'member';
