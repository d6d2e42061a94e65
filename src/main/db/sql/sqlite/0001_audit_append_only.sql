-- The audit log is append-only (docs/product.md §3): refuse UPDATE and DELETE.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events är append-only: händelser får inte ändras');
END;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events är append-only: händelser får inte ändras');
END;
--> statement-breakpoint
-- A contract version is an immutable snapshot: only its status timestamps may change.
CREATE TRIGGER contracts_snapshot_immutable BEFORE UPDATE OF snapshot, version, placement_id, generated_at ON contracts
BEGIN
  SELECT RAISE(ABORT, 'Ett genererat avtal får inte ändras: skapa en ny version (tillägg)');
END;
--> statement-breakpoint
CREATE TRIGGER contracts_no_delete BEFORE DELETE ON contracts
BEGIN
  SELECT RAISE(ABORT, 'Ett genererat avtal får inte tas bort');
END;
--> statement-breakpoint
-- A union decision is never changed or removed (docs/product.md §4 rule 3): a correction is a new row referring to it.
CREATE TRIGGER review_decisions_no_update BEFORE UPDATE ON review_decisions
BEGIN
  SELECT RAISE(ABORT, 'Ett beslut får inte ändras: registrera en rättelse som nytt beslut');
END;
--> statement-breakpoint
CREATE TRIGGER review_decisions_no_delete BEFORE DELETE ON review_decisions
BEGIN
  SELECT RAISE(ABORT, 'Ett beslut får inte tas bort');
END;
