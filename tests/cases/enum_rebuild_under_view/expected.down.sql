ALTER TYPE public.post_state ADD VALUE 'review' AFTER 'draft';
