CREATE TYPE public.old_mood AS ENUM ('sad');

DROP TYPE public.post_status;
