DROP FUNCTION public.add_tax(public.money_amount, numeric);

ALTER DOMAIN public.currency_code DROP DEFAULT;

ALTER DOMAIN public.money_amount DROP CONSTRAINT money_amount_check;
ALTER DOMAIN public.money_amount ADD CONSTRAINT money_amount_check CHECK ((VALUE >= (0)::numeric));

CREATE OR REPLACE FUNCTION public.format_price(p public.price)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
RETURN ((((p).currency)::text || ' '::text) || ((p).amount)::text);
