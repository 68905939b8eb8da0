ALTER TABLE public.jobs FORCE ROW LEVEL SECURITY;

CREATE OR REPLACE PROCEDURE public.finish_jobs()
 LANGUAGE sql
BEGIN ATOMIC
 UPDATE public.jobs SET done = true;
END;

ALTER POLICY jobs_owner ON public.jobs TO authenticated USING ((owner = CURRENT_USER));
