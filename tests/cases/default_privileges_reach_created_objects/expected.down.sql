ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM authenticated;

DROP VIEW app.account_ids;

DROP FUNCTION app.internal();

DROP FUNCTION app.open();

-- hazard data-loss: drops table app.account and every row in it
DROP TABLE app.account;

-- hazard data-loss: drops table app.audit and every row in it
DROP TABLE app.audit;

-- hazard data-loss: drops table other.note and every row in it
DROP TABLE other.note;

DROP DOMAIN app.positive;

DROP SCHEMA other;
