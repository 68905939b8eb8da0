-- hazard table-rewrite: rewrites the table to convert column public.prices.amount from numeric(12,2) to text with the tree's using-reverse coalesce(amount::text, '')
ALTER TABLE public.prices ALTER COLUMN amount TYPE text USING coalesce(amount::text, '');

-- hazard table-rewrite: rewrites the table to convert column public.prices.price from bigint to numeric(12,2)
-- hazard data-loss: converts column public.prices.price from bigint to numeric(12,2): values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose price does not fit in numeric(12,2) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
-- hazard data-loss: converts column public.prices.price back with a cast, which does not undo the tree's USING round(price * 100)::bigint: values may not come back as they were (give the conversion back with `-- schemac:using-reverse <expression>` above the column in the tree)
ALTER TABLE public.prices ALTER COLUMN price TYPE numeric(12,2) USING price::numeric(12,2);
