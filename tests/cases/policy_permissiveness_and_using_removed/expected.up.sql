ALTER POLICY inserts ON public.docs TO PUBLIC WITH CHECK (((owner = CURRENT_USER) AND (NOT public)));

ALTER POLICY readers ON public.docs TO authenticated USING (public);

DROP POLICY owner_only ON public.docs;

CREATE POLICY owner_only ON public.docs TO PUBLIC USING ((owner = CURRENT_USER));
