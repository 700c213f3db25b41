import { describe, expect, it } from 'vitest';
import { parseDemoFile } from '../../../src/db/demo-import';
import { defaultEvent } from '../../../src/domain/event';
import { applyMutation } from '../../../src/domain/mutators';
import { uuidV7 } from '../../../src/domain/uuid-v7';

const event = defaultEvent('festival', 'Europe/Amsterdam');
const issue = applyMutation(
  undefined,
  'createIssue',
  { id: uuidV7(Date.UTC(2026, 6, 10), new Uint8Array(10)), eventId: 'festival', category: 'other', summary: 'x' },
  { now: '2026-07-10T20:00:00.000Z', actor: { id: 's', name: 'Sam', role: 'staff' }, mutationUuid: 'm' },
);
const file = (patch: object) => JSON.stringify({ format: 'helptent-demo', version: 1, event, issues: [issue], ...patch });

describe('loading a demo file', () => {
  it('reads the event and its issues', () => {
    expect(parseDemoFile(file({}))).toEqual({ event, issues: [issue] });
  });

  it('refuses files that are not demo files, with a reason a person understands', () => {
    expect(() => parseDemoFile('<html>')).toThrow('This file is not a Helptent demo file: it is not JSON.');
    expect(() => parseDemoFile(file({ format: 'csv' }))).toThrow(/format: is not a Helptent demo file/);
    expect(() => parseDemoFile(file({ version: 2 }))).toThrow(/version: is a version this app cannot read/);
    expect(() => parseDemoFile(file({ issues: [{ ...issue, status: 'lost' }] }))).toThrow(/issues\.0\.status/);
    expect(() => parseDemoFile(file({ issues: [{ ...issue, eventId: 'other' }] }))).toThrow(/issue 0 belongs to another event/);
  });
});
