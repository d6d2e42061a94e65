-- Row changes of the tables whose derived data the app caches (src/main/db/postgres-engine.ts, ChangeListener):
-- after every statement, one notification on channel vaxla_rows with "<table>:<id>,<id>,…", or "<table>:*" when
-- the statement changed more rows than fit in a notification (then every cache of the table reloads).
-- PostgreSQL delivers notifications only when the transaction commits, and in commit order.
CREATE FUNCTION vaxla_notify_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n integer;
  ids text;
BEGIN
  SELECT count(*) INTO n FROM changed_rows;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n > 500 THEN
    ids := '*';
  ELSE
    SELECT string_agg(id::text, ',') INTO ids FROM changed_rows;
  END IF;
  PERFORM pg_notify('vaxla_rows', TG_TABLE_NAME || ':' || ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION vaxla_notify_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('vaxla_rows', TG_TABLE_NAME || ':*');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER participants_notify_insert AFTER INSERT ON participants
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION vaxla_notify_rows();
--> statement-breakpoint
CREATE TRIGGER participants_notify_update AFTER UPDATE ON participants
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION vaxla_notify_rows();
--> statement-breakpoint
CREATE TRIGGER participants_notify_delete AFTER DELETE ON participants
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION vaxla_notify_rows();
--> statement-breakpoint
CREATE TRIGGER participants_notify_truncate AFTER TRUNCATE ON participants
  FOR EACH STATEMENT EXECUTE FUNCTION vaxla_notify_truncate();
