-- v3's reverse data step: the tables v3 dropped get their rows back, from
-- the normalized tables, the metrics and the archive.
INSERT INTO posts (id, user_id, caption, body, media_urls, hashtags, likes, comments, embedding, created_at)
OVERRIDING SYSTEM VALUE
SELECT id, user_id, caption, body, media_urls, hashtags, likes, comments, embedding, created_at
FROM posts_unified;
SELECT setval(pg_get_serial_sequence('public.posts', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM posts), false);
INSERT INTO post_analytics (post_id, metric, value, recorded_at)
SELECT entity_id, metric_name, value, recorded_at FROM time_series_metrics
WHERE entity_type = 'post' AND metric_name IN ('likes', 'comments', 'reach')
ORDER BY recorded_at, entity_id, metric_name;
INSERT INTO hashtag_analytics
SELECT (jsonb_populate_record(NULL::hashtag_analytics, record)).*
FROM archived_records WHERE source_table = 'hashtag_analytics';
INSERT INTO content_generations OVERRIDING SYSTEM VALUE
SELECT (jsonb_populate_record(NULL::content_generations, record)).*
FROM archived_records WHERE source_table = 'content_generations';
SELECT setval(pg_get_serial_sequence('public.content_generations', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM content_generations), false);
