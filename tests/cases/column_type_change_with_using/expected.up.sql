-- hazard table-rewrite: rewrites the table to convert column public.prices.amount from text to numeric(12,2) with the tree's USING nullif(trim(amount), '')::numeric(12,2)
-- hazard data-loss: converts column public.prices.amount from text to numeric(12,2): values may be rounded or cut, or fail to convert
ALTER TABLE public.prices ALTER COLUMN amount TYPE numeric(12,2) USING nullif(trim(amount), '')::numeric(12,2);

-- hazard table-rewrite: rewrites the table to convert column public.prices.price from numeric(12,2) to bigint with the tree's USING round(price * 100)::bigint
-- hazard data-loss: converts column public.prices.price from numeric(12,2) to bigint: values may be rounded or cut, or fail to convert
ALTER TABLE public.prices ALTER COLUMN price TYPE bigint USING round(price * 100)::bigint;
