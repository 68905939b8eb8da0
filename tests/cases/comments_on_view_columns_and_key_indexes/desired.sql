CREATE TABLE public.accounts (id integer PRIMARY KEY, email text UNIQUE, name text);
CREATE VIEW public.account_names AS SELECT id, name FROM public.accounts;
CREATE MATERIALIZED VIEW public.account_emails AS SELECT id, email FROM public.accounts;
CREATE VIEW public."Account ids" AS SELECT id FROM public.accounts;
COMMENT ON COLUMN public.account_names.id IS 'the account, by id';
COMMENT ON COLUMN public.account_emails.email IS 'where mail goes';
COMMENT ON COLUMN public."Account ids".id IS 'every account';
COMMENT ON INDEX public.accounts_email_key IS 'one account per email';
COMMENT ON CONSTRAINT accounts_pkey ON public.accounts IS 'the key';
