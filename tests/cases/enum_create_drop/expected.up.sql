DROP TYPE public.old_mood;

CREATE TYPE public.post_status AS ENUM ('draft', 'scheduled', 'published');
