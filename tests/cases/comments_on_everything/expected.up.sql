COMMENT ON SCHEMA app IS 'the app';

COMMENT ON TYPE app.kind IS 'kinds';

COMMENT ON SEQUENCE app.s IS 'seq';

COMMENT ON TABLE app.t IS 'it''s new';

COMMENT ON COLUMN app.t.c IS NULL;

COMMENT ON COLUMN app.t.id IS 'ünïcode ✓';

COMMENT ON CONSTRAINT t_pk ON app.t IS 'key';

COMMENT ON INDEX app.t_c_idx IS 'ix';
