-- Migration 04: cleanup and consolidation. posts, post_analytics and the
-- obsolete content_generations and hashtag_analytics are gone from the tree;
-- views keep the old shapes readable, and removed rows are archived.
CREATE TABLE archived_records (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_table text NOT NULL,
    record jsonb NOT NULL,
    archived_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_archived_records_source_table ON archived_records (source_table);

CREATE VIEW posts_unified AS
SELECT c.id, c.user_id, c.organization_id, t.caption, t.body,
       coalesce((SELECT array_agg(f.url ORDER BY l.position)
                 FROM post_media_links l JOIN media_files f ON f.id = l.media_id
                 WHERE l.post_id = c.id), '{}') AS media_urls,
       t.hashtags, i.likes, i.comments, e.embedding, c.created_at
FROM posts_core c
JOIN posts_content t ON t.post_id = c.id
JOIN post_insights i ON i.post_id = c.id
LEFT JOIN embeddings e ON e.entity_type = 'post' AND e.entity_id = c.id;

CREATE VIEW top_performing_posts AS
SELECT c.id, c.organization_id, t.caption, i.engagement_score,
       rank() OVER (PARTITION BY c.organization_id ORDER BY i.engagement_score DESC) AS rank_in_org
FROM posts_core c
JOIN posts_content t ON t.post_id = c.id
JOIN post_insights i ON i.post_id = c.id;

CREATE VIEW analytics_dashboard AS
SELECT c.organization_id, m.metric_name, date_trunc('month', m.recorded_at) AS month,
       sum(m.value) AS total, count(DISTINCT c.id) AS posts
FROM time_series_metrics m
JOIN posts_core c ON m.entity_type = 'post' AND c.id = m.entity_id
GROUP BY 1, 2, 3;

CREATE FUNCTION verify_migration_integrity()
RETURNS TABLE (check_name text, passed boolean, detail text)
LANGUAGE sql STABLE
AS $$
    SELECT 'every post has its content', n = 0, n || ' without' FROM
        (SELECT count(*) AS n FROM posts_core c
         WHERE NOT EXISTS (SELECT 1 FROM posts_content t WHERE t.post_id = c.id)) s
    UNION ALL
    SELECT 'every post has its insights', n = 0, n || ' without' FROM
        (SELECT count(*) AS n FROM posts_core c
         WHERE NOT EXISTS (SELECT 1 FROM post_insights i WHERE i.post_id = c.id)) s
    UNION ALL
    SELECT 'every post metric has its post', n = 0, n || ' orphaned' FROM
        (SELECT count(*) AS n FROM time_series_metrics m
         WHERE m.entity_type = 'post'
           AND NOT EXISTS (SELECT 1 FROM posts_core c WHERE c.id = m.entity_id)) s
    UNION ALL
    SELECT 'every user is a member of their organization', n = 0, n || ' not members' FROM
        (SELECT count(*) AS n FROM user_profiles u
         WHERE NOT EXISTS (SELECT 1 FROM organization_members m
                           WHERE m.user_id = u.id AND m.organization_id = u.organization_id)) s
$$;
