/** Kysely table types of the server database; one interface per table. */
export interface ServerInfoTable {
  key: string;
  value: string;
}

export interface ServerDatabase {
  server_info: ServerInfoTable;
}
