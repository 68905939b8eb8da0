ALTER POLICY inserts ON public.docs TO PUBLIC WITH CHECK ((owner = CURRENT_USER));

ALTER POLICY readers ON public.docs TO PUBLIC USING (public);

DROP POLICY owner_only ON public.docs;

CREATE POLICY owner_only ON public.docs AS RESTRICTIVE TO PUBLIC USING ((owner = CURRENT_USER));
