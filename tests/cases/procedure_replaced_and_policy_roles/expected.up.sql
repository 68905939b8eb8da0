ALTER TABLE public.jobs NO FORCE ROW LEVEL SECURITY;

CREATE OR REPLACE PROCEDURE public.finish_jobs()
 LANGUAGE sql
BEGIN ATOMIC
 UPDATE public.jobs SET done = true
   WHERE (NOT jobs.done);
END;

ALTER POLICY jobs_owner ON public.jobs TO authenticated, service_role USING ((owner = CURRENT_USER));
