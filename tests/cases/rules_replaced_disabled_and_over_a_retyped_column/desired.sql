CREATE TABLE public.accounts (id bigint PRIMARY KEY, balance numeric NOT NULL DEFAULT 0,
                              flagged boolean);
CREATE TABLE public.rule_events (message text NOT NULL, at timestamptz DEFAULT now());
CREATE VIEW public.account_balances AS SELECT id, balance FROM public.accounts;

CREATE RULE no_negative AS ON INSERT TO public.accounts WHERE (NEW.balance < 0)
    DO ALSO INSERT INTO public.rule_events (message) VALUES ('negative balance attempt');
CREATE RULE no_flagged AS ON INSERT TO public.accounts WHERE (NEW.flagged) DO INSTEAD NOTHING;
CREATE RULE keep_deletes AS ON DELETE TO public.accounts DO INSTEAD NOTHING;
CREATE RULE "Log Updates" AS ON UPDATE TO public.accounts
    DO ALSO INSERT INTO public.rule_events (message) VALUES ('updated ' || NEW.id);
ALTER TABLE public.accounts ENABLE REPLICA RULE "Log Updates";
CREATE RULE update_balance AS ON UPDATE TO public.account_balances
    DO INSTEAD UPDATE public.accounts SET balance = NEW.balance WHERE id = OLD.id;
COMMENT ON RULE keep_deletes ON public.accounts IS 'accounts are closed, never deleted';
