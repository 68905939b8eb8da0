-- Rules: replaced in place (CREATE OR REPLACE RULE), disabled and enabled by
-- ALTER TABLE, commented, dropped; one over a column whose type changes is
-- dropped and created around the change (PostgreSQL refuses the change while
-- a rule uses the column); one on a view makes it writable.
CREATE TABLE public.accounts (id bigint PRIMARY KEY, balance numeric NOT NULL DEFAULT 0,
                              flagged integer);
CREATE TABLE public.rule_events (message text NOT NULL, at timestamptz DEFAULT now());
CREATE VIEW public.account_balances AS SELECT id, balance FROM public.accounts;

CREATE RULE no_negative AS ON INSERT TO public.accounts WHERE (NEW.balance < 0) DO INSTEAD NOTHING;
CREATE RULE no_flagged AS ON INSERT TO public.accounts WHERE (NEW.flagged > 0) DO INSTEAD NOTHING;
CREATE RULE keep_deletes AS ON DELETE TO public.accounts DO INSTEAD NOTHING;
CREATE RULE "Log Updates" AS ON UPDATE TO public.accounts
    DO ALSO INSERT INTO public.rule_events (message) VALUES ('updated ' || NEW.id);
CREATE RULE retired AS ON UPDATE TO public.rule_events DO INSTEAD NOTHING;
ALTER TABLE public.accounts DISABLE RULE keep_deletes;
