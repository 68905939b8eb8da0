DROP POLICY owner_only ON public.docs;

ALTER POLICY inserts ON public.docs TO PUBLIC WITH CHECK (((owner = CURRENT_USER) AND (NOT public)));

CREATE POLICY owner_only ON public.docs TO PUBLIC USING ((owner = CURRENT_USER));

ALTER POLICY readers ON public.docs TO authenticated USING (public);
