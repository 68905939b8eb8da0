DROP POLICY account_access ON app.accounts;

DROP VIEW app.active_accounts;

-- hazard data-loss: drops table app.accounts and every row in it
DROP TABLE app.accounts;
