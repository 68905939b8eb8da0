CREATE TYPE public.account_tier AS ENUM ('silver', 'gold');

CREATE TABLE public.balance_log (
    id bigint GENERATED ALWAYS AS IDENTITY,
    account_id bigint NOT NULL,
    old_balance numeric NOT NULL,
    new_balance numeric NOT NULL,
    CONSTRAINT balance_log_pkey PRIMARY KEY (id),
    CONSTRAINT balance_log_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id)
);

CREATE OR REPLACE FUNCTION public.audit_balance()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    INSERT INTO balance_log (account_id, old_balance, new_balance) VALUES (OLD.id, OLD.balance, NEW.balance);
    RETURN NULL;
END
$function$;

CREATE OR REPLACE FUNCTION public.tier(balance numeric)
 RETURNS public.account_tier
 LANGUAGE sql
 IMMUTABLE
RETURN CASE WHEN (balance > (100000)::numeric) THEN 'gold'::public.account_tier ELSE 'silver'::public.account_tier END;

CREATE INDEX balance_log_account_idx ON public.balance_log USING btree (account_id);

CREATE VIEW public.rich_accounts AS
 SELECT accounts.id,
    accounts.balance,
    public.tier(accounts.balance) AS tier
   FROM public.accounts
  WHERE (accounts.balance > (10000)::numeric);

GRANT SELECT ON TABLE public.rich_accounts TO authenticated;

CREATE TRIGGER accounts_audit AFTER UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION public.audit_balance();
