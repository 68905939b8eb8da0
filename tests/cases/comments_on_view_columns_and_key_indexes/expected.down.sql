COMMENT ON COLUMN public.account_emails.email IS NULL;

COMMENT ON COLUMN public.account_names.id IS 'the account';

COMMENT ON COLUMN public.account_names.name IS 'as shown';

COMMENT ON INDEX public.accounts_email_key IS NULL;

COMMENT ON INDEX public.accounts_pkey IS 'by id';

DROP VIEW public."Account ids";
