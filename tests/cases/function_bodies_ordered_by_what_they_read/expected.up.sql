CREATE TABLE public.zz_ledger (
    id bigint GENERATED ALWAYS AS IDENTITY,
    account_id bigint NOT NULL,
    amount numeric NOT NULL,
    CONSTRAINT zz_ledger_pkey PRIMARY KEY (id),
    CONSTRAINT zz_ledger_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.zz_accounts(id)
);

CREATE OR REPLACE FUNCTION public.a_credit(account bigint, amount numeric)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE
    last public.zz_ledger%ROWTYPE;
    old_balance zz_accounts.balance%TYPE;
BEGIN
    UPDATE zz_accounts SET balance = balance + amount WHERE id = account;
    INSERT INTO zz_ledger (account_id, amount) VALUES (account, amount);
END
$function$;

CREATE OR REPLACE FUNCTION public.a_total()
 RETURNS numeric
 LANGUAGE sql
 STABLE
AS $function$ SELECT sum(balance) FROM zz_accounts $function$;

CREATE INDEX zz_ledger_account_idx ON public.zz_ledger USING btree (account_id);

CREATE VIEW public.zz_rich AS
 SELECT zz_accounts.id
   FROM public.zz_accounts
  WHERE (zz_accounts.balance > (1000)::numeric);

CREATE OR REPLACE FUNCTION public.a_rich_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$SELECT count(*) FROM public.zz_rich$function$;
