/**
 * The center's record on PostgreSQL, as the SQLite store has it after its migration 0012
 * (hub/store/migrations): the same tables and columns, in PostgreSQL's types. `seq` is
 * given by a trigger under the center's write lock, so it is gapless and in commit order
 * whichever hub node writes.
 */
import { CENTER_WRITE_LOCK, EVENTS_CHANNEL } from '../write-lock';
import type { PgMigration } from './index';

export const p0001Center: PgMigration = {
  version: 1,
  name: 'center',
  sql: `
    CREATE TABLE applied (
      id     text PRIMARY KEY, -- changeId, dispatchId or transitionId
      ack    text NOT NULL,
      type   text,
      sender text
    );
    CREATE TABLE cases (
      id          text PRIMARY KEY,
      holder_desk text NOT NULL,
      created_at  bigint NOT NULL
    );
    CREATE TABLE case_fields (
      case_id  text NOT NULL REFERENCES cases (id),
      field    text NOT NULL,
      value    text NOT NULL, -- JSON
      seq      bigint NOT NULL,
      actor_id text NOT NULL,
      PRIMARY KEY (case_id, field)
    );
    CREATE TABLE dispatches (
      id        text PRIMARY KEY,
      case_id   text NOT NULL REFERENCES cases (id),
      opd_id    text NOT NULL,
      status    text NOT NULL,
      queued_at bigint NOT NULL,
      desk_id   text NOT NULL
    );
    CREATE INDEX dispatches_opd ON dispatches (opd_id, status);
    CREATE INDEX dispatches_case ON dispatches (case_id);
    CREATE TABLE case_editors (
      case_id text NOT NULL REFERENCES cases (id),
      desk_id text NOT NULL,
      PRIMARY KEY (case_id, desk_id)
    );
    CREATE TABLE calls (
      id            text PRIMARY KEY,
      at            bigint NOT NULL,
      desk_id       text NOT NULL,
      disposition   text NOT NULL,
      caller_number text,
      ended_at      bigint,
      operator      text,
      withheld      smallint CHECK (withheld IN (0, 1)),
      note          text,
      ticks         text,
      callback      text CHECK (callback IN ('no_answer', 'genuine', 'prank')),
      callback_at   bigint,
      callback_case text
    );
    CREATE INDEX calls_caller ON calls (caller_number, at);
    CREATE TABLE events (
      seq     bigint PRIMARY KEY,
      at      bigint NOT NULL,
      type    text NOT NULL,
      case_id text, -- null for call.logged
      body    text NOT NULL
    );
    CREATE TABLE case_reporters (
      call_id text PRIMARY KEY,
      case_id text NOT NULL REFERENCES cases (id),
      at      bigint NOT NULL,
      desk_id text NOT NULL
    );
    CREATE INDEX case_reporters_case ON case_reporters (case_id);
    CREATE TABLE blocks (
      id        text PRIMARY KEY,
      number    text NOT NULL,
      kind      text NOT NULL CHECK (kind IN ('manual', 'auto_prank', 'auto_silent')),
      reason    text NOT NULL,
      set_at    bigint NOT NULL,
      until     bigint NOT NULL,
      set_by    text NOT NULL, -- the actor, as JSON
      lifted_at bigint,
      lifted_by text -- the actor, as JSON
    );
    CREATE INDEX blocks_number ON blocks (number, set_at);
    CREATE TABLE accounts (
      id            text PRIMARY KEY,
      username      text NOT NULL,
      display_name  text NOT NULL,
      role          text NOT NULL CHECK (role IN ('operator', 'supervisor')),
      password_hash text NOT NULL,
      enabled       smallint NOT NULL CHECK (enabled IN (0, 1)),
      created_at    bigint NOT NULL,
      updated_at    bigint NOT NULL
    );
    -- One account per user name, whatever its case (SQLite: COLLATE NOCASE).
    CREATE UNIQUE INDEX accounts_username ON accounts (lower(username));
    CREATE TABLE person_tokens (
      token_hash text PRIMARY KEY,
      account_id text NOT NULL REFERENCES accounts (id),
      desk       text NOT NULL,
      issued_at  bigint NOT NULL,
      expires_at bigint NOT NULL
    );
    CREATE INDEX person_tokens_expiry ON person_tokens (expires_at);
    CREATE TABLE audit (
      id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at        bigint NOT NULL,
      person_id text NOT NULL,
      person    text NOT NULL,
      action    text NOT NULL,
      desk      text NOT NULL,
      details   text NOT NULL -- JSON object
    );
    CREATE INDEX audit_at ON audit (at);
    CREATE INDEX audit_person ON audit (person_id, at);
    CREATE TABLE reports (
      id           text PRIMARY KEY,
      desk_id      text NOT NULL,
      kind         text NOT NULL CHECK (kind IN ('shift', 'day')),
      date         text NOT NULL,
      shift_id     text,
      period_start bigint NOT NULL,
      period_end   bigint NOT NULL,
      snapshot     text NOT NULL,
      hash         text NOT NULL CHECK (length(hash) = 64),
      signed_at    bigint NOT NULL,
      signer_name  text NOT NULL,
      offline      smallint NOT NULL CHECK (offline IN (0, 1)),
      sent_by      text NOT NULL, -- the actor, as JSON
      received_at  bigint NOT NULL
    );
    CREATE INDEX reports_period ON reports (date, shift_id, signed_at);
    CREATE FUNCTION sigap_report_is_signed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'a signed report is never changed or removed'; END $$;
    CREATE TRIGGER reports_signed BEFORE UPDATE OR DELETE ON reports
      FOR EACH ROW EXECUTE FUNCTION sigap_report_is_signed();
    CREATE TABLE alarm_acks (
      dispatch_id text NOT NULL REFERENCES dispatches (id),
      level       text NOT NULL CHECK (level IN ('at_risk', 'breached')),
      arming      integer NOT NULL, -- 0 as dispatched, n after the n-th escalation
      at          bigint NOT NULL,
      acked_by    text NOT NULL, -- the actor, as JSON
      seq         bigint NOT NULL, -- the event that told every desk
      PRIMARY KEY (dispatch_id, level, arming)
    );
    CREATE TABLE escalations (
      id           text PRIMARY KEY,
      dispatch_id  text NOT NULL REFERENCES dispatches (id),
      note         text NOT NULL,
      at           bigint NOT NULL,
      escalated_by text NOT NULL, -- the actor, as JSON
      seq          bigint NOT NULL
    );
    CREATE INDEX escalations_dispatch ON escalations (dispatch_id, at);
    CREATE TABLE rules_versions (
      kind      text NOT NULL CHECK (kind IN ('routing', 'targets')),
      version   integer NOT NULL CHECK (version > 0),
      body      text NOT NULL, -- the whole table, as JSON
      at        bigint NOT NULL,
      person_id text NOT NULL,
      person    text NOT NULL,
      desk      text NOT NULL,
      reason    text NOT NULL,
      seq       bigint NOT NULL, -- the event that told every desk
      PRIMARY KEY (kind, version)
    );
    -- Every event's seq is the next after the log's last, taken under the center's write
    -- lock (held to the end of the transaction): gapless, and in commit order. The other
    -- hub nodes are told at commit (one notice per transaction) to stream the log on.
    CREATE FUNCTION sigap_next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${CENTER_WRITE_LOCK});
        NEW.seq := coalesce((SELECT max(seq) FROM events), 0) + 1;
        PERFORM pg_notify('${EVENTS_CHANNEL}', '');
        RETURN NEW;
      END $$;
    CREATE TRIGGER events_seq BEFORE INSERT ON events
      FOR EACH ROW EXECUTE FUNCTION sigap_next_seq();
    -- socket.io's PostgreSQL adapter keeps packets too large for a notice here.
    CREATE TABLE socket_io_attachments (
      id         bigserial UNIQUE,
      created_at timestamptz DEFAULT NOW(),
      payload    bytea
    );
  `,
};
