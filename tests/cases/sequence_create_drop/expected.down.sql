CREATE SEQUENCE public.old_seq;

DROP SEQUENCE public.invoice_numbers;
