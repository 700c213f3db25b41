import type { AlertKind } from '../../domain/alert-rules';
import type { AuditAction } from '../../domain/audit';
import type { ExportKind } from '../../domain/export-rows';
import type { PhotoType } from '../../domain/photo';
import type { Role } from '../../domain/staff';
import type { ExportFormat, ExportSource } from '../exports/export-request';

/** Kysely table types of the server database; one interface per table. Times are ISO 8601 text. */
export interface ServerInfoTable {
  key: string;
  value: string;
}

export interface EventsTable {
  id: string;
  name: string;
  /** The FestivalEvent as JSON (zones, categories, timezone, day start, targets). */
  config: string;
  /** Last change sequence handed out for this event; its row lock orders concurrent pushes. */
  last_change_seq: number;
  /** Change sequence of the last change to `config` (0: as created). */
  config_seq: number;
  /** Change sequence of the last join, sign-out or let-back-in (0: none yet). */
  people_seq: number;
  created_at: string;
}

/** Everyone who joined an event: the directory phones hand issues over from. */
export interface PeopleTable {
  event_id: string;
  /** The staff id the phone chose when this person joined; owners and reporters carry it. */
  id: string;
  name: string;
  role: Role;
  /** The device they joined on last. */
  device_id: string;
  joined_at: string;
  /** Change sequence of their last join, or of their device being signed out or back in. */
  change_seq: number;
}

export interface DevicesTable {
  id: string;
  event_id: string;
  staff_id: string;
  staff_name: string;
  role: Role;
  /** SHA-256 of the device token; the token itself is only ever on the device. */
  token_hash: string;
  last_mutation_id: number;
  created_at: string;
  last_seen_at: string | null;
  last_pushed_at: string | null;
  last_pulled_at: string | null;
  revoked_at: string | null;
  user_agent: string;
  /** 1 while the person on this phone is on duty (alerts reach them); 1 from joining on. */
  on_duty: number;
  /** The zone they said they work in while on duty. */
  duty_zone_id: string | null;
}

export interface JoinCodesTable {
  code_hash: string;
  event_id: string;
  role: Role;
  /** Organizer codes from the command line work once; staff codes until they expire. */
  single_use: number;
  created_by: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface IssuesTable {
  id: string;
  event_id: string;
  change_seq: number;
  reported_by_device: string | null;
  /** The Issue as JSON. */
  data: string;
  /** FieldVersions as JSON: which change last set each field, for conflict detection. */
  field_versions: string;
  /** When it becomes overdue with no owner if nothing changes (the alert clock looks then); null: never. */
  unowned_due_at: string | null;
}

export interface RejectionsTable {
  device_id: string;
  mutation_id: number;
  mutation_uuid: string;
  name: string;
  kind: string;
  message: string;
  /** The message as a phrase (JSON), told again to a resend; null from before 0011 or when it has none. */
  said: string | null;
  created_at: string;
}

export interface ExportLogTable {
  id: string;
  event_id: string;
  /** The organizer's device; null for the command line on the server box. */
  device_id: string | null;
  /** Staff name of the device, or 'command line'. */
  who: string;
  kind: ExportKind;
  /** Festival day "YYYY-MM-DD"; null for the whole event. */
  day: string | null;
  format: ExportFormat;
  rows: number;
  /** 'api' and 'cli' exports are built by the server; 'app' ones on a device from its own data. */
  source: ExportSource;
  /** When the export was made: the server clock, or the device clock for 'app' exports (shown only). */
  created_at: string;
  /** When the server recorded it: server clock, used for ordering. */
  received_at: string;
}

/** The append-only audit log: inserted in the transaction of the action, never updated or deleted. */
export interface AuditLogTable {
  id: string;
  event_id: string;
  /** Server clock, ISO 8601; entries are read newest first by it (then by id). */
  at: string;
  /** The acting device; null for the command line and the server's own runs. */
  actor_device_id: string | null;
  /** Staff name of the acting device, 'command line' or 'server'. */
  actor_name: string;
  action: AuditAction;
  /** AuditDetail as JSON: a few facts, never attendee data. */
  detail: string;
}

/** A photo file one device is uploading, until its last byte arrives (photo-protocol.ts). */
export interface PhotoUploadsTable {
  device_id: string;
  /** SHA-256 the file must have: the name it is uploaded under. */
  hash: string;
  event_id: string;
  /** The whole file's length, as the first chunk said. */
  total: number;
  type: PhotoType;
  /** Bytes held in photo_upload_chunks, from 0 without gaps. */
  received: number;
  started_at: string;
  /** Server time of the last chunk: an upload untouched for a day is dropped. */
  updated_at: string;
}

export interface PhotoUploadChunksTable {
  device_id: string;
  hash: string;
  /** Offset of the chunk's first byte in the file. */
  start: number;
  bytes: Buffer;
}

/** Which event holds which photo file; the bytes are in the photo store, under the hash. */
export interface PhotosTable {
  event_id: string;
  hash: string;
  bytes: number;
  type: PhotoType;
  stored_at: string;
  /** The device whose upload completed it. */
  device_id: string;
}

/** The server's generated VAPID key pair (base64url), when the environment configures none. */
export interface PushKeysTable {
  /** Always 'vapid': one pair per database. */
  id: string;
  public_key: string;
  private_key: string;
  created_at: string;
}

/** A device's Web Push subscription (PushSubscription.toJSON() of its browser). */
export interface PushSubscriptionsTable {
  device_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: string;
  /** When the push service last accepted a message for it; null before the first. */
  last_success_at: string | null;
  /** Sends that failed (not "gone") since the last success. */
  failures: number;
}

/** An alert the server raised, addressed to a role (and for a hand-over to one person). */
export interface AlertsTable {
  id: string;
  event_id: string;
  issue_id: string;
  kind: AlertKind;
  /** The person a hand-over names; null for alerts to everyone on duty of `level`. */
  to_person_id: string | null;
  /** The lowest role it was raised to: everyone on duty from there up keeps it until it is answered. */
  raised_level: Role;
  /** The role it is addressed to now: it moves up when nobody answers (and notifies that role). */
  level: Role;
  title: string;
  body: string;
  /** The title and body as phrases (JSON of AlertSaid), for each phone to say in its language; null on alerts raised before them. */
  said: string | null;
  /** Server clock, as every time here. */
  raised_at: string;
  /** When it goes to the next role up if still unanswered; null once answered, closed or at organizers. */
  escalate_at: string | null;
  escalated_at: string | null;
  /** Who said "I'm on it" first: staff id, name and device. */
  acked_by_id: string | null;
  acked_by_name: string | null;
  acked_by_device: string | null;
  acked_at: string | null;
  /** When its issue was resolved, closed or voided (or a newer hand-over replaced it). */
  closed_at: string | null;
}

export interface ServerDatabase {
  server_info: ServerInfoTable;
  events: EventsTable;
  devices: DevicesTable;
  join_codes: JoinCodesTable;
  issues: IssuesTable;
  rejections: RejectionsTable;
  export_log: ExportLogTable;
  people: PeopleTable;
  audit_log: AuditLogTable;
  photo_uploads: PhotoUploadsTable;
  photo_upload_chunks: PhotoUploadChunksTable;
  photos: PhotosTable;
  push_keys: PushKeysTable;
  push_subscriptions: PushSubscriptionsTable;
  alerts: AlertsTable;
}
