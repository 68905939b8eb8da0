CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2) NOT NULL, note text);
CREATE VIEW order_totals AS SELECT id, total FROM orders;
CREATE VIEW big_orders AS SELECT id FROM order_totals WHERE total > 1000;
COMMENT ON VIEW big_orders IS 'Orders over 1000';
GRANT SELECT ON big_orders TO authenticated;
GRANT SELECT ON order_totals TO service_role;
