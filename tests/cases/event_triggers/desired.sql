CREATE FUNCTION public.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'ddl %', tg_tag;
END;
$$;
CREATE FUNCTION public.audit_tables() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'table %', tg_tag;
END;
$$;
CREATE EVENT TRIGGER log_ddl ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE', 'alter table') EXECUTE FUNCTION public.log_ddl();
CREATE EVENT TRIGGER audit_tables ON ddl_command_start EXECUTE PROCEDURE public.audit_tables();
ALTER EVENT TRIGGER audit_tables ENABLE ALWAYS;
COMMENT ON EVENT TRIGGER audit_tables IS 'audits tables';
