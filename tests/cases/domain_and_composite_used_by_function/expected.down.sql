ALTER DOMAIN public.currency_code DROP DEFAULT;

CREATE OR REPLACE FUNCTION public.format_price(p public.price)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
RETURN ((((p).currency)::text || ' '::text) || ((p).amount)::text);

DROP FUNCTION public.add_tax(public.money_amount, numeric);

-- hazard needs-data: values of public.money_amount in the columns that use it that break it make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER DOMAIN public.money_amount DROP CONSTRAINT money_amount_check;
ALTER DOMAIN public.money_amount ADD CONSTRAINT money_amount_check CHECK ((VALUE >= (0)::numeric));
