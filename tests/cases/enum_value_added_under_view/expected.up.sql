ALTER TYPE public.post_state ADD VALUE 'scheduled' AFTER 'draft';
