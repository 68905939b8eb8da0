-- Migration: 005_marketplace
-- Description: Template marketplace
CREATE TABLE IF NOT EXISTS public.templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  author_id uuid NOT NULL REFERENCES public.users (id),
  name text NOT NULL,
  price_cents integer NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
  published boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_templates_author_id ON public.templates (author_id);
CREATE INDEX IF NOT EXISTS idx_templates_published ON public.templates (created_at DESC)
WHERE published;

ALTER TABLE public.templates ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "Anyone can view published templates" ON public.templates;
CREATE POLICY "Anyone can view published templates" ON public.templates
  FOR SELECT USING (published OR author_id = auth.uid());

DROP POLICY IF EXISTS "Authors manage their templates" ON public.templates;
CREATE POLICY "Authors manage their templates" ON public.templates
  FOR ALL TO authenticated USING (author_id = auth.uid()) WITH CHECK (author_id = auth.uid());

GRANT SELECT ON public.templates TO anon, authenticated;
GRANT INSERT, UPDATE, DELETE ON public.templates TO authenticated;
GRANT ALL ON public.templates TO service_role;
