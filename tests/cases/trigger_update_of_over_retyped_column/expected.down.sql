DROP TRIGGER prices_stamp ON public.prices;

-- hazard table-rewrite: rewrites the table to convert column public.prices.amount from numeric(12,2) to integer
-- hazard data-loss: converts column public.prices.amount from numeric(12,2) to integer: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose amount does not convert to integer with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.prices ALTER COLUMN amount TYPE integer USING amount::integer;

CREATE TRIGGER prices_stamp BEFORE UPDATE OF amount ON public.prices FOR EACH ROW EXECUTE FUNCTION public.stamp();
