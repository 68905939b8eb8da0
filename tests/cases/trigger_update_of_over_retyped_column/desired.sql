-- The column a trigger fires on changes type: the trigger goes first and
-- comes back after.
CREATE TABLE prices (id bigint PRIMARY KEY, amount numeric(12, 2) NOT NULL, changed_at timestamptz);
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed_at := now(); RETURN NEW; END $$;
CREATE TRIGGER prices_stamp BEFORE UPDATE OF amount ON prices FOR EACH ROW EXECUTE FUNCTION stamp();
