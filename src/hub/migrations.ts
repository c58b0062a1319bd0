/**
 * The shared desk's schema in PostgreSQL, as numbered migrations. Add new entries; never edit a
 * shipped one. `wiredesk_hub_version` records each version applied, when and by whom.
 *
 * Version 1:
 *  - hub_items: every item from "Submit for review" on. `revision` is the hub's guard: it goes
 *    up by one on every change, and every change is `UPDATE … WHERE id = $1 AND revision = $2`.
 *    `doc` is the item as the desks store it (fields, submitted revision, workflow state).
 *    `change_seq` orders changes for catch-up (pull) and is announced by NOTIFY.
 *  - hub_audit: one row per change, keyed by the desk's idempotency key; `actor` and `at` are
 *    set by the server (session_user, now()), never by the desk.
 *  - A trigger stamps every item change (who, when, next revision and change number) and
 *    enforces the two group roles: a writer may submit, and change only items they submitted
 *    back and forth between draft and submitted; review, hold, kill and publish need an editor.
 */
export interface HubMigration {
  version: number;
  sql: string;
}

export const HUB_ROLES = { writer: 'wiredesk_writer', editor: 'wiredesk_editor' } as const;

/** Notification channel: the payload is the change number. */
export const HUB_CHANNEL = 'wiredesk_hub';

const v1 = /* sql */ `
CREATE SEQUENCE hub_change_seq;

CREATE TABLE hub_items (
  id uuid PRIMARY KEY,
  revision integer NOT NULL,
  status text NOT NULL,
  slug text NOT NULL,
  headline text NOT NULL,
  urgency integer NOT NULL,
  doc jsonb NOT NULL,
  submitted_by text NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  change_seq bigint NOT NULL
);
CREATE INDEX hub_items_change ON hub_items (change_seq);
CREATE INDEX hub_items_queue ON hub_items (status, updated_at DESC);

CREATE TABLE hub_audit (
  seq bigserial PRIMARY KEY,
  idem_key text NOT NULL UNIQUE,
  item_id uuid NOT NULL REFERENCES hub_items (id),
  action text NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  version integer NOT NULL,
  note text NOT NULL DEFAULT '',
  actor text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX hub_audit_item ON hub_audit (item_id, seq);

CREATE FUNCTION hub_items_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  is_editor boolean := pg_has_role(session_user, 'wiredesk_editor', 'MEMBER');
  is_writer boolean := is_editor OR pg_has_role(session_user, 'wiredesk_writer', 'MEMBER');
BEGIN
  IF NOT is_writer THEN
    RAISE EXCEPTION 'Role % is neither a Wiredesk writer nor an editor on this shared desk.', session_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'submitted' THEN
      RAISE EXCEPTION 'An item joins the shared desk by being submitted for review.' USING ERRCODE = 'check_violation';
    END IF;
    NEW.revision := 1;
    NEW.submitted_by := session_user;
  ELSE
    IF NOT is_editor AND (OLD.submitted_by <> session_user OR OLD.status NOT IN ('draft', 'submitted') OR NEW.status NOT IN ('draft', 'submitted', 'spiked')) THEN
      RAISE EXCEPTION 'Role % is a writer: only an editor (wiredesk_editor) can do that to an item that is %.', session_user, OLD.status
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.revision := OLD.revision + 1;
    NEW.submitted_by := OLD.submitted_by;
  END IF;
  NEW.updated_by := session_user;
  NEW.updated_at := now();
  NEW.change_seq := nextval('hub_change_seq');
  RETURN NEW;
END $$;
CREATE TRIGGER hub_items_stamp BEFORE INSERT OR UPDATE ON hub_items FOR EACH ROW EXECUTE FUNCTION hub_items_stamp();

CREATE FUNCTION hub_items_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${HUB_CHANNEL}', NEW.change_seq::text);
  RETURN NULL;
END $$;
CREATE TRIGGER hub_items_notify AFTER INSERT OR UPDATE ON hub_items FOR EACH ROW EXECUTE FUNCTION hub_items_notify();

CREATE FUNCTION hub_audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.actor := session_user;
  NEW.at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER hub_audit_stamp BEFORE INSERT ON hub_audit FOR EACH ROW EXECUTE FUNCTION hub_audit_stamp();

REVOKE ALL ON hub_items, hub_audit FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON hub_items TO wiredesk_writer, wiredesk_editor;
GRANT SELECT, INSERT ON hub_audit TO wiredesk_writer, wiredesk_editor;
GRANT USAGE ON SEQUENCE hub_change_seq, hub_audit_seq_seq TO wiredesk_writer, wiredesk_editor;
GRANT SELECT ON wiredesk_hub_version TO wiredesk_writer, wiredesk_editor;
`;

/**
 * Version 2: batches on the hub. Numbers come from one sequence for the whole desk; the bytes
 * sent are kept so any desk can re-send them; an item version goes out once desk-wide (unique).
 */
const v2 = /* sql */ `
CREATE SEQUENCE hub_batch_no;
CREATE TABLE hub_batches (
  no bigint PRIMARY KEY,
  format text NOT NULL,
  ndjson boolean NOT NULL,
  file_name text NOT NULL,
  sha256 text NOT NULL,
  bytes bytea NOT NULL,
  item_count integer NOT NULL,
  created_by text NOT NULL DEFAULT session_user,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE hub_batch_items (
  batch_no bigint NOT NULL REFERENCES hub_batches (no),
  seq integer NOT NULL,
  item_id uuid NOT NULL REFERENCES hub_items (id),
  version integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('publish', 'kill')),
  PRIMARY KEY (batch_no, seq),
  UNIQUE (item_id, version, kind)
);
REVOKE ALL ON hub_batches, hub_batch_items FROM PUBLIC;
GRANT SELECT ON hub_batches, hub_batch_items TO wiredesk_writer, wiredesk_editor;
GRANT INSERT ON hub_batches, hub_batch_items TO wiredesk_editor;
GRANT USAGE ON SEQUENCE hub_batch_no TO wiredesk_editor;
`;

export const HUB_MIGRATIONS: readonly HubMigration[] = [
  { version: 1, sql: v1 },
  { version: 2, sql: v2 },
];
export const HUB_LATEST = HUB_MIGRATIONS[HUB_MIGRATIONS.length - 1]!.version;
