CREATE OR REPLACE FUNCTION public.audit_tables()
 RETURNS event_trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE NOTICE 'table %', tg_tag;
END;
$function$;

CREATE EVENT TRIGGER audit_tables ON ddl_command_start EXECUTE FUNCTION public.audit_tables();
ALTER EVENT TRIGGER audit_tables ENABLE ALWAYS;

COMMENT ON EVENT TRIGGER audit_tables IS 'audits tables';

DROP EVENT TRIGGER "Forbid drops";

DROP EVENT TRIGGER log_ddl;

CREATE EVENT TRIGGER log_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION public.log_ddl();

DROP FUNCTION public.forbid_drops();
