-- hazard needs-data: re-creates table app.accounts empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE app.accounts (
    id integer NOT NULL,
    active boolean NOT NULL,
    CONSTRAINT accounts_pkey PRIMARY KEY (id)
);
ALTER TABLE app.accounts ENABLE ROW LEVEL SECURITY;

CREATE VIEW app.active_accounts AS
 SELECT accounts.id
   FROM app.accounts
  WHERE accounts.active;

CREATE POLICY account_access ON app.accounts FOR SELECT TO PUBLIC USING ((id IN ( SELECT active_accounts.id
   FROM app.active_accounts)));
