-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TYPE public.role ADD VALUE IF NOT EXISTS 'owner' BEFORE 'admin';

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TYPE public.role ADD VALUE IF NOT EXISTS 'editor' AFTER 'admin';

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TYPE public.role ADD VALUE IF NOT EXISTS 'guest' AFTER 'member';
