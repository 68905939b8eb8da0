COMMENT ON COLUMN public.account_emails.email IS 'where mail goes';

COMMENT ON COLUMN public.account_names.id IS 'the account, by id';

COMMENT ON COLUMN public.account_names.name IS NULL;

COMMENT ON INDEX public.accounts_email_key IS 'one account per email';

COMMENT ON INDEX public.accounts_pkey IS NULL;

CREATE VIEW public."Account ids" AS
 SELECT accounts.id
   FROM public.accounts;

COMMENT ON COLUMN public."Account ids".id IS 'every account';
