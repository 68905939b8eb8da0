-- hazard table-rewrite: rewrites the table to convert column public.prices.amount from numeric(12,2) to text
-- hazard data-loss: converts column public.prices.amount from numeric(12,2) to text: values may be rounded or cut, or fail to convert
-- hazard data-loss: converts column public.prices.amount back with a cast, which does not undo the tree's USING nullif(trim(amount), '')::numeric(12,2): values may not come back as they were (edit the conversion here and run `schemac hash`)
ALTER TABLE public.prices ALTER COLUMN amount TYPE text USING amount::text;

-- hazard table-rewrite: rewrites the table to convert column public.prices.price from bigint to numeric(12,2)
-- hazard data-loss: converts column public.prices.price from bigint to numeric(12,2): values may be rounded or cut, or fail to convert
-- hazard data-loss: converts column public.prices.price back with a cast, which does not undo the tree's USING round(price * 100)::bigint: values may not come back as they were (edit the conversion here and run `schemac hash`)
ALTER TABLE public.prices ALTER COLUMN price TYPE numeric(12,2) USING price::numeric(12,2);
