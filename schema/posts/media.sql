-- Images and videos attached to a post, in display order.
CREATE TABLE post_media (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    position smallint NOT NULL CHECK (position >= 0),
    storage_path text NOT NULL,
    mime_type text NOT NULL CHECK (mime_type ~ '^(image|video)/'),
    bytes bigint NOT NULL CHECK (bytes > 0),
    CONSTRAINT post_media_post_position_key UNIQUE (post_id, position)
);

ALTER TABLE post_media ENABLE ROW LEVEL SECURITY;
CREATE POLICY post_media_tenant ON post_media TO authenticated
    USING (EXISTS (SELECT 1 FROM posts p WHERE p.id = post_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON post_media TO authenticated, service_role;

-- Tags, per workspace.
CREATE TABLE tags (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    CONSTRAINT tags_workspace_name_key UNIQUE (workspace_id, name)
);

CREATE TABLE post_tags (
    post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag_id bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, tag_id)
);

CREATE INDEX post_tags_tag_idx ON post_tags (tag_id);

ALTER TABLE tags ENABLE ROW LEVEL SECURITY;
CREATE POLICY tags_tenant ON tags TO authenticated
    USING (in_current_tenant(workspace_id)) WITH CHECK (in_current_tenant(workspace_id));
ALTER TABLE post_tags ENABLE ROW LEVEL SECURITY;
CREATE POLICY post_tags_tenant ON post_tags TO authenticated
    USING (EXISTS (SELECT 1 FROM posts p WHERE p.id = post_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON tags, post_tags TO authenticated, service_role;

-- What a workspace's dashboard lists: posts with their tag names.
CREATE VIEW post_overview WITH (security_invoker = true) AS
    SELECT p.id, p.workspace_id, p.status, p.title, p.published_at,
           coalesce(array_agg(t.name ORDER BY t.name) FILTER (WHERE t.name IS NOT NULL),
                    '{}') AS tags
    FROM posts p
    LEFT JOIN post_tags pt ON pt.post_id = p.id
    LEFT JOIN tags t ON t.id = pt.tag_id
    GROUP BY p.id;

GRANT SELECT ON post_overview TO authenticated;
