-- The company that used the ERP before tenants becomes the first tenant,
-- and owns every existing user and order.
INSERT INTO tenants (slug, name, plan) VALUES ('marimo', 'Marimo Ltd', 'professional');
-- schemac:batch
UPDATE users SET tenant_id = (SELECT id FROM tenants WHERE slug = 'marimo')
WHERE id IN (SELECT id FROM users WHERE tenant_id IS NULL LIMIT 100);
-- schemac:batch
UPDATE orders SET tenant_id = (SELECT id FROM tenants WHERE slug = 'marimo')
WHERE id IN (SELECT id FROM orders WHERE tenant_id IS NULL LIMIT 500);
