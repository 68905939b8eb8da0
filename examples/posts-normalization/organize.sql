-- v3's data step: the default organization, every user in it (the first as
-- its owner), every post in it; the rows of the obsolete tables archived.
INSERT INTO organizations (name) VALUES ('default');
UPDATE user_profiles SET organization_id = (SELECT id FROM organizations WHERE name = 'default');
INSERT INTO organization_members (organization_id, user_id, role)
SELECT organization_id, id, CASE WHEN id = (SELECT min(id) FROM user_profiles) THEN 'owner' ELSE 'editor' END
FROM user_profiles;
-- schemac:batch
UPDATE posts_core SET organization_id = (SELECT id FROM organizations WHERE name = 'default')
WHERE id IN (SELECT id FROM posts_core WHERE organization_id IS NULL LIMIT 1000);
INSERT INTO archived_records (source_table, record)
SELECT 'hashtag_analytics', to_jsonb(h) FROM hashtag_analytics h;
INSERT INTO archived_records (source_table, record)
SELECT 'content_generations', to_jsonb(g) FROM content_generations g;
