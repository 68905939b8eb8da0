-- Files are read in path order, which is the reverse of what they need:
-- the loader orders the statements and the plan orders the steps.
GRANT SELECT ON rich_accounts TO authenticated;
