-- Append-only records (docs/product.md §3, §4 rule 3): the same guarantees as the SQLite triggers in
-- db/sql/sqlite/0001_audit_append_only.sql. One function raises the message each trigger passes it.
CREATE FUNCTION vaxla_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'raise_exception', MESSAGE = TG_ARGV[0];
END;
$$;
--> statement-breakpoint
-- The audit log is append-only: refuse UPDATE, DELETE and TRUNCATE (TRUNCATE bypasses row triggers).
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION vaxla_refuse_change('audit_events är append-only: händelser får inte ändras');
--> statement-breakpoint
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION vaxla_refuse_change('audit_events är append-only: händelser får inte ändras');
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION vaxla_refuse_change('audit_events är append-only: händelser får inte ändras');
--> statement-breakpoint
-- A contract version is an immutable snapshot: only its status timestamps may change.
CREATE TRIGGER contracts_snapshot_immutable BEFORE UPDATE OF snapshot, version, placement_id, generated_at ON contracts
  FOR EACH ROW EXECUTE FUNCTION vaxla_refuse_change('Ett genererat avtal får inte ändras: skapa en ny version (tillägg)');
--> statement-breakpoint
CREATE TRIGGER contracts_no_delete BEFORE DELETE ON contracts
  FOR EACH ROW EXECUTE FUNCTION vaxla_refuse_change('Ett genererat avtal får inte tas bort');
--> statement-breakpoint
CREATE TRIGGER contracts_no_truncate BEFORE TRUNCATE ON contracts
  FOR EACH STATEMENT EXECUTE FUNCTION vaxla_refuse_change('Ett genererat avtal får inte tas bort');
--> statement-breakpoint
-- A union decision is never changed or removed: a correction is a new row referring to it.
CREATE TRIGGER review_decisions_no_update BEFORE UPDATE ON review_decisions
  FOR EACH ROW EXECUTE FUNCTION vaxla_refuse_change('Ett beslut får inte ändras: registrera en rättelse som nytt beslut');
--> statement-breakpoint
CREATE TRIGGER review_decisions_no_delete BEFORE DELETE ON review_decisions
  FOR EACH ROW EXECUTE FUNCTION vaxla_refuse_change('Ett beslut får inte tas bort');
--> statement-breakpoint
CREATE TRIGGER review_decisions_no_truncate BEFORE TRUNCATE ON review_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION vaxla_refuse_change('Ett beslut får inte tas bort');
