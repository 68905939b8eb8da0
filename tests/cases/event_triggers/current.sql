-- Event triggers: created after the function they run, their tags and
-- state (ENABLE / DISABLE / REPLICA / ALWAYS) changed in place or by a new
-- CREATE, and dropped before their function.
CREATE FUNCTION public.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'ddl %', tg_tag;
END;
$$;
CREATE FUNCTION public.forbid_drops() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'no drops';
END;
$$;
CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION public.log_ddl();
CREATE EVENT TRIGGER "Forbid drops" ON sql_drop EXECUTE FUNCTION public.forbid_drops();
ALTER EVENT TRIGGER "Forbid drops" DISABLE;
COMMENT ON EVENT TRIGGER log_ddl IS 'logs every command';
