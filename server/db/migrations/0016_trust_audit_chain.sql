-- The audit log is a hash chain, computed here so that every insert, from any feature or process,
-- takes part. An insert locks the one row of audit_chain_head (appends are serialised), takes its
-- id inside the lock (ids follow the chain), and links to the head's hash. The same computation is
-- done independently by `npm run tandem -- audit verify` (server/kernel/audit/audit-chain.ts).
CREATE OR REPLACE FUNCTION audit_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN '-1:' ELSE octet_length(v)::text || ':' || v END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_hash(
  prev text, id bigint, at timestamptz, actor uuid, event text, entity_type text, entity_id text, content_hash text
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(
    audit_field(prev) || audit_field(id::text)
    || audit_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    || audit_field(actor::text) || audit_field(event) || audit_field(entity_type)
    || audit_field(entity_id) || audit_field(content_hash), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Events written before the chain existed are chained now, in id order.
DO $$
DECLARE
  r record;
  previous text := repeat('0', 64);
  last bigint := 0;
  content text;
  digest text;
BEGIN
  FOR r IN SELECT * FROM audit_events ORDER BY id LOOP
    content := encode(sha256(convert_to(r.changes::text, 'UTF8')), 'hex');
    digest := audit_event_hash(previous, r.id, r.at, r.actor_id, r.event, r.entity_type, r.entity_id, content);
    UPDATE audit_events SET content_hash = content, prev_hash = previous, hash = digest WHERE id = r.id;
    previous := digest;
    last := r.id;
  END LOOP;
  INSERT INTO audit_chain_head (singleton, last_id, hash) VALUES (1, last, previous)
    ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head text;
BEGIN
  SELECT hash INTO head FROM audit_chain_head WHERE singleton = 1 FOR UPDATE;
  IF head IS NULL THEN
    RAISE EXCEPTION 'the audit chain has no head row';
  END IF;
  NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
  NEW.content_hash := encode(sha256(convert_to(NEW.changes::text, 'UTF8')), 'hex');
  NEW.prev_hash := head;
  NEW.erased_at := NULL;
  NEW.hash := audit_event_hash(head, NEW.id, NEW.at, NEW.actor_id, NEW.event, NEW.entity_type, NEW.entity_id, NEW.content_hash);
  UPDATE audit_chain_head SET last_id = NEW.id, hash = NEW.hash WHERE singleton = 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint
-- Append-only: no UPDATE, DELETE or TRUNCATE, except the erasure path (pseudonymiseAuditEvents),
-- which may only replace values in `changes` and mark the row erased, inside a transaction that set
-- tandem.audit_erasure.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('tandem.audit_erasure', true) = 'on'
     AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
     AND NEW.event = OLD.event AND NEW.entity_type = OLD.entity_type
     AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
     AND NEW.content_hash IS NOT DISTINCT FROM OLD.content_hash
     AND NEW.prev_hash IS NOT DISTINCT FROM OLD.prev_hash AND NEW.hash IS NOT DISTINCT FROM OLD.hash
     AND NEW.erased_at IS NOT NULL THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit chain head is never removed' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_guard BEFORE DELETE OR TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard();
