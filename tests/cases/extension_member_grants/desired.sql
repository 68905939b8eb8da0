-- hstore goes, and its member's grant with it; citext stays, and what is
-- granted and revoked on its members beyond what its script did is managed.
CREATE EXTENSION citext;
GRANT EXECUTE ON FUNCTION citext_hash(citext) TO service_role;
REVOKE EXECUTE ON FUNCTION texticlike(citext, citext) FROM PUBLIC;
