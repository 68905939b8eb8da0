-- Migration 02: one metrics table for every entity, partitioned by time.
CREATE TABLE time_series_metrics (
    entity_type text NOT NULL CHECK (entity_type IN ('post', 'user')),
    entity_id bigint NOT NULL,
    metric_name text NOT NULL,
    value numeric NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (entity_type, entity_id, metric_name, recorded_at)
) PARTITION BY RANGE (recorded_at);
CREATE TABLE time_series_metrics_2026_h1 PARTITION OF time_series_metrics
    FOR VALUES FROM ('2026-01-01 00:00+00') TO ('2026-07-01 00:00+00');
CREATE TABLE time_series_metrics_2026_h2 PARTITION OF time_series_metrics
    FOR VALUES FROM ('2026-07-01 00:00+00') TO ('2027-01-01 00:00+00');
CREATE TABLE time_series_metrics_default PARTITION OF time_series_metrics DEFAULT;
CREATE INDEX idx_time_series_metrics_name_time ON time_series_metrics (metric_name, recorded_at);

CREATE FUNCTION get_metrics_aggregated(p_entity_type text, p_entity_id bigint,
                                       p_metric_name text, p_bucket text)
RETURNS TABLE (bucket timestamptz, total numeric, samples bigint)
LANGUAGE sql STABLE
AS $$
    SELECT date_trunc(p_bucket, recorded_at), sum(value), count(*)
    FROM time_series_metrics
    WHERE entity_type = p_entity_type AND entity_id = p_entity_id AND metric_name = p_metric_name
    GROUP BY 1
    ORDER BY 1
$$;

-- Centralized embeddings. Where pgvector is installed the column would be
-- vector(3) and the distance `<=>`; this example's server has no pgvector,
-- so an array and a cosine computed in SQL.
CREATE TABLE embeddings (
    entity_type text NOT NULL CHECK (entity_type IN ('post', 'chat_message')),
    entity_id bigint NOT NULL,
    embedding real[] NOT NULL CHECK (cardinality(embedding) = 3),
    PRIMARY KEY (entity_type, entity_id)
);

CREATE FUNCTION find_similar_content(input_entity_type text, input_entity_id bigint,
                                     similarity_threshold numeric, max_results integer)
RETURNS TABLE (entity_id bigint, similarity numeric)
LANGUAGE sql STABLE
AS $$
    SELECT e.entity_id, s.similarity
    FROM embeddings q
    JOIN embeddings e ON e.entity_type = q.entity_type AND e.entity_id <> q.entity_id
    CROSS JOIN LATERAL (
        SELECT round(((SELECT sum(a * b) FROM unnest(q.embedding, e.embedding) AS v(a, b))
                      / nullif(sqrt((SELECT sum(a * a) FROM unnest(q.embedding) AS v(a)))
                             * sqrt((SELECT sum(b * b) FROM unnest(e.embedding) AS v(b))), 0))::numeric, 3)
    ) AS s(similarity)
    WHERE q.entity_type = input_entity_type AND q.entity_id = input_entity_id
      AND s.similarity >= similarity_threshold
    ORDER BY s.similarity DESC, e.entity_id
    LIMIT max_results
$$;
