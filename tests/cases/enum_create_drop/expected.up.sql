CREATE TYPE public.post_status AS ENUM ('draft', 'scheduled', 'published');

DROP TYPE public.old_mood;
