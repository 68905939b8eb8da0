-- Migration: 006_documentation_system
-- Description: Documentation for templates
CREATE TABLE IF NOT EXISTS public.template_docs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  template_id uuid NOT NULL REFERENCES public.marketplace_templates (id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9-]+$'),
  body text NOT NULL DEFAULT '',
  UNIQUE (template_id, slug)
);

ALTER TABLE public.template_docs ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "Docs follow their template" ON public.template_docs;
CREATE POLICY "Docs follow their template" ON public.template_docs
  FOR SELECT USING (
    EXISTS (
      SELECT 1 FROM public.marketplace_templates t
      WHERE t.id = template_id AND (t.published OR t.author_id = auth.uid())
    )
  );

GRANT SELECT ON public.template_docs TO anon, authenticated;
GRANT ALL ON public.template_docs TO service_role;
