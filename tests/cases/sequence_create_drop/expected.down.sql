DROP SEQUENCE public.invoice_numbers;

CREATE SEQUENCE public.old_seq;
