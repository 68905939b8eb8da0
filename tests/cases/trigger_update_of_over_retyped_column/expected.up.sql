DROP TRIGGER prices_stamp ON public.prices;

-- hazard table-rewrite: rewrites the table to convert column public.prices.amount from integer to numeric(12,2)
-- hazard data-loss: converts column public.prices.amount from integer to numeric(12,2): values may be rounded or cut, or fail to convert
ALTER TABLE public.prices ALTER COLUMN amount TYPE numeric(12,2) USING amount::numeric(12,2);

CREATE TRIGGER prices_stamp BEFORE UPDATE OF amount ON public.prices FOR EACH ROW EXECUTE FUNCTION public.stamp();
