-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'old' AFTER 'draft';
