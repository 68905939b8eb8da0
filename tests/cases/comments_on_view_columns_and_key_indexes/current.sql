-- COMMENT ON COLUMN of a view or materialized view, and COMMENT ON INDEX of
-- the index behind a primary key or unique constraint (not the
-- constraint's own comment) are diffed as every other comment.
CREATE TABLE public.accounts (id integer PRIMARY KEY, email text UNIQUE, name text);
CREATE VIEW public.account_names AS SELECT id, name FROM public.accounts;
CREATE MATERIALIZED VIEW public.account_emails AS SELECT id, email FROM public.accounts;
COMMENT ON COLUMN public.account_names.id IS 'the account';
COMMENT ON COLUMN public.account_names.name IS 'as shown';
COMMENT ON INDEX public.accounts_pkey IS 'by id';
COMMENT ON CONSTRAINT accounts_pkey ON public.accounts IS 'the key';
