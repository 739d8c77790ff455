-- The evidence ledger is never changed in place: a correction is a new row, validation and
-- voiding are events. Rows may still be deleted, by end-of-retention erasure only.
CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_score_no_update BEFORE UPDATE ON evidence_score
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_event_no_update BEFORE UPDATE ON evidence_event
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER mastery_event_no_update BEFORE UPDATE ON mastery_event
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
