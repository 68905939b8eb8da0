-- Every existing token belongs to whoever connected its social account.
UPDATE credentials c
SET user_id = sa.connected_by
FROM social_accounts sa
WHERE sa.id = c.social_account_id AND c.user_id IS NULL;
