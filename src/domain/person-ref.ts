/**
 * Someone named on an issue (reporter, owner, a timeline entry's author): the staff id and the
 * name shown. Its own module because issue.ts and the parts an issue holds (photos, lost
 * property) all name people, and a type each of them imported from issue.ts made import cycles.
 */
export interface PersonRef {
  id: string;
  name: string;
}
