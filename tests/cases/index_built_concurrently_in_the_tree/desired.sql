-- A tree may build its indexes CONCURRENTLY, as a hand-written migration
-- does: the shadow builds them plainly in its transaction; the plan decides
-- how the target builds them.
CREATE TABLE public.users (id bigint PRIMARY KEY, name text, email text);
CREATE INDEX CONCURRENTLY users_name_idx ON public.users (name);
create unique index
    concurrently users_email_key on public.users (email);
