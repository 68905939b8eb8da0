-- Deleting through the view marks the row instead.
CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, deleted boolean NOT NULL DEFAULT false);
CREATE VIEW live_items AS SELECT id, name FROM items WHERE NOT deleted;
CREATE FUNCTION soft_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE items SET deleted = true WHERE id = OLD.id;
    RETURN OLD;
END
$$;
CREATE TRIGGER live_items_delete INSTEAD OF DELETE ON live_items
    FOR EACH ROW EXECUTE FUNCTION soft_delete();
