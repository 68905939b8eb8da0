-- IN lists compared to varchar columns, wherever PostgreSQL keeps an
-- expression: a domain check, a policy, a view, a trigger's WHEN. PostgreSQL
-- prints each as `(ARRAY['a'::character varying, ...])::text[]`, which,
-- executed again, stores another expression (a list of casts).
CREATE DOMAIN public.grade AS character varying(2)
    CONSTRAINT grade_check CHECK (VALUE IN ('A', 'B', 'C'));

CREATE TABLE public.tasks (
    id bigint PRIMARY KEY,
    state character varying(20) NOT NULL,
    grade public.grade
);

ALTER TABLE public.tasks ENABLE ROW LEVEL SECURITY;

CREATE POLICY tasks_visible ON public.tasks USING (state IN ('open', 'done'));

CREATE VIEW public.open_tasks AS
    SELECT id FROM public.tasks WHERE state IN ('open', 'blocked');

CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEW;
END
$$;

CREATE TRIGGER tasks_touch BEFORE UPDATE ON public.tasks
    FOR EACH ROW WHEN (NEW.state IN ('open', 'blocked')) EXECUTE FUNCTION public.touch();
