CREATE TYPE public.status AS ENUM ('draft', 'published');
CREATE TABLE public.post (id bigint PRIMARY KEY, status public.status NOT NULL DEFAULT 'draft');
