-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TYPE public.post_state ADD VALUE IF NOT EXISTS 'review' AFTER 'draft';
