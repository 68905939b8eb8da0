DROP TYPE public.post_status;

CREATE TYPE public.old_mood AS ENUM ('sad');
