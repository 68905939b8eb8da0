-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'ok' AFTER 'sad';
