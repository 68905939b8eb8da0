-- Migration: 005_marketplace
-- Description: Template marketplace
-- v2: templates are marketplace_templates now, and name is title. Renamed,
-- not dropped: every row stays.
-- schemac:renamed-from templates
CREATE TABLE IF NOT EXISTS public.marketplace_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  author_id uuid NOT NULL REFERENCES public.users (id),
  -- schemac:renamed-from name
  title text NOT NULL,
  price_cents integer NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
  published boolean NOT NULL DEFAULT false,
  deprecated boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- schemac:renamed-from idx_templates_author_id
CREATE INDEX IF NOT EXISTS idx_marketplace_templates_author_id ON public.marketplace_templates (author_id);
-- schemac:renamed-from idx_templates_published
CREATE INDEX IF NOT EXISTS idx_marketplace_templates_published ON public.marketplace_templates (created_at DESC)
WHERE published AND NOT deprecated;

ALTER TABLE public.marketplace_templates ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "Anyone can view published templates" ON public.marketplace_templates;
CREATE POLICY "Anyone can view published templates" ON public.marketplace_templates
  FOR SELECT USING (published OR author_id = auth.uid());

DROP POLICY IF EXISTS "Authors manage their templates" ON public.marketplace_templates;
CREATE POLICY "Authors manage their templates" ON public.marketplace_templates
  FOR ALL TO authenticated USING (author_id = auth.uid()) WITH CHECK (author_id = auth.uid());

GRANT SELECT ON public.marketplace_templates TO anon, authenticated;
GRANT INSERT, UPDATE, DELETE ON public.marketplace_templates TO authenticated;
GRANT ALL ON public.marketplace_templates TO service_role;
