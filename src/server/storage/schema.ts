import type { Role } from '../../domain/staff';

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
  created_at: string;
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
}

export interface RejectionsTable {
  device_id: string;
  mutation_id: number;
  mutation_uuid: string;
  name: string;
  kind: string;
  message: string;
  created_at: string;
}

export interface ServerDatabase {
  server_info: ServerInfoTable;
  events: EventsTable;
  devices: DevicesTable;
  join_codes: JoinCodesTable;
  issues: IssuesTable;
  rejections: RejectionsTable;
}
