-- The audit trail, destruction records and erasure records are append-only, like the access log;
-- the refusal names the table it protects.
CREATE OR REPLACE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER destruction_record_no_update_or_delete BEFORE UPDATE OR DELETE ON destruction_record
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER destruction_record_no_truncate BEFORE TRUNCATE ON destruction_record
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER erasure_record_no_update_or_delete BEFORE UPDATE OR DELETE ON erasure_record
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER erasure_record_no_truncate BEFORE TRUNCATE ON erasure_record
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
