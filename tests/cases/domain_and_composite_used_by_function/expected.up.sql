ALTER DOMAIN public.currency_code SET DEFAULT 'EUR'::bpchar;

CREATE OR REPLACE FUNCTION public.format_price(p public.price)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
RETURN ((((p).currency)::text || ' '::text) || to_char((p).amount, 'FM999999990.00'::text));

-- hazard needs-data: values of public.money_amount in the columns that use it that break it make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER DOMAIN public.money_amount DROP CONSTRAINT money_amount_check;
ALTER DOMAIN public.money_amount ADD CONSTRAINT money_amount_check CHECK (((VALUE >= (0)::numeric) AND (VALUE < (1000000000)::numeric)));

CREATE OR REPLACE FUNCTION public.add_tax(amount public.money_amount, rate numeric DEFAULT 0.2)
 RETURNS public.money_amount
 LANGUAGE sql
 IMMUTABLE
RETURN (((amount)::numeric * ((1)::numeric + rate)))::public.money_amount;
