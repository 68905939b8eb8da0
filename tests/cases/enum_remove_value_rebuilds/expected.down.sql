ALTER TYPE public.status ADD VALUE 'legacy' AFTER 'draft';
