-- v2's data step: every post into the normalized tables, its analytics into
-- the metrics, its embedding into embeddings. posts itself is not touched.
INSERT INTO posts_core (id, user_id, created_at) SELECT id, user_id, created_at FROM posts;
SELECT setval(pg_get_serial_sequence('public.posts_core', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM posts_core), false);
INSERT INTO posts_content (post_id, caption, body, hashtags) SELECT id, caption, body, hashtags FROM posts;
INSERT INTO media_files (url, media_type)
SELECT DISTINCT u.url, CASE WHEN u.url LIKE '%.mp4' THEN 'video' ELSE 'image' END
FROM posts, unnest(media_urls) AS u(url);
INSERT INTO post_media_links (post_id, media_id, position)
SELECT p.id, f.id, u.position
FROM posts p, unnest(p.media_urls) WITH ORDINALITY AS u(url, position)
JOIN media_files f ON f.url = u.url;
INSERT INTO post_insights (post_id, likes, comments) SELECT id, likes, comments FROM posts;
INSERT INTO time_series_metrics (entity_type, entity_id, metric_name, value, recorded_at)
SELECT 'post', post_id, metric, value, recorded_at FROM post_analytics;
INSERT INTO embeddings (entity_type, entity_id, embedding)
SELECT 'post', id, embedding FROM posts WHERE embedding IS NOT NULL;
