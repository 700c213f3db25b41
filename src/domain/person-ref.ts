/**
 * Who did something (a person in the event's directory), by id and display name. In a module of
 * its own so that the modules the issue is made of (photos, lost property) can name people
 * without importing the issue that imports them.
 */
export interface PersonRef {
  id: string;
  name: string;
}
