ALTER SCHEMA app OWNER TO CURRENT_USER;

ALTER TABLE app.users OWNER TO CURRENT_USER;

ALTER TABLE app.users DROP CONSTRAINT users_email_key;

-- hazard data-loss: drops table app.orders and every row in it
DROP TABLE app.orders;

DROP FUNCTION app.touch();

DROP TYPE app.order_status;
