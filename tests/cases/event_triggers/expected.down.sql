CREATE OR REPLACE FUNCTION public.forbid_drops()
 RETURNS event_trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'no drops';
END;
$function$;

CREATE EVENT TRIGGER "Forbid drops" ON sql_drop EXECUTE FUNCTION public.forbid_drops();
ALTER EVENT TRIGGER "Forbid drops" DISABLE;

DROP EVENT TRIGGER audit_tables;

DROP EVENT TRIGGER log_ddl;

CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION public.log_ddl();

COMMENT ON EVENT TRIGGER log_ddl IS 'logs every command';

DROP FUNCTION public.audit_tables();
