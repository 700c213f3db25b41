import { describe, expect, it } from 'vitest';
import { type AuditDetail, auditActions, auditEntrySchema, settingsChangeDetail } from '../../../src/domain/audit';
import { describeAuditEntry } from '../../../src/domain/audit-sentence';
import { defaultEvent } from '../../../src/domain/event';

const jo = { deviceId: 'device-1', name: 'Jo' };

describe('audit sentences', () => {
  it('every action reads as a sentence, whatever its detail holds', () => {
    const odd: AuditDetail[] = [{}, { rows: 'many', issues: Number.NaN, role: 3, kind: null }, { staffName: '', day: true }];
    for (const action of auditActions) {
      for (const detail of odd) {
        const sentence = describeAuditEntry({ actor: jo, action, detail });
        expect(sentence).toMatch(/^Jo .+\.$/);
        expect(sentence).not.toMatch(/undefined|null|NaN|\[object/);
      }
    }
  });

  it('an export says what, which day, which format, how many rows and from where', () => {
    const detail = { kind: 'follow-up', day: '2026-07-10', format: 'json', rows: 1, source: 'app' };
    expect(describeAuditEntry({ actor: jo, action: 'export', detail })).toBe(
      'Jo exported the follow-up list of 2026-07-10 as JSON (1 row), from the data on their phone.',
    );
  });

  it('the wire schema accepts entries of small facts and refuses nested or long ones', () => {
    const entry = { id: 'a', eventId: 'e', at: '2026-07-10T12:00:00.000Z', actor: jo, action: 'join', detail: { role: 'staff' } };
    expect(auditEntrySchema.safeParse(entry).success).toBe(true);
    expect(auditEntrySchema.safeParse({ ...entry, detail: { nested: { a: 1 } } }).success).toBe(false);
    expect(auditEntrySchema.safeParse({ ...entry, detail: { note: 'x'.repeat(201) } }).success).toBe(false);
    expect(auditEntrySchema.safeParse({ ...entry, action: 'delete-everything' }).success).toBe(false);
  });
});

describe('settings change detail', () => {
  const before = defaultEvent('festival', 'Europe/Amsterdam');

  it('names the fields that changed, not their values', () => {
    const after = { ...before, name: 'Dijkdrift', responseTargets: { ...before.responseTargets, urgent: 5 } };
    expect(settingsChangeDetail(before, after)).toEqual({ fields: 'festival name, response targets' });
  });

  it('counts zones added, renamed and removed, and notices a new order', () => {
    const [first, second, ...rest] = before.zones;
    const zones = [{ ...first!, name: 'Renamed' }, ...rest, { id: 'new', name: 'New' }];
    expect(settingsChangeDetail(before, { ...before, zones })).toEqual({
      fields: 'zones (1 added, 1 renamed, 1 removed)',
      zonesAdded: 1,
      zonesRenamed: 1,
      zonesRemoved: 1,
    });
    expect(second).toBeDefined();
    const reordered = [second!, first!, ...rest];
    expect(settingsChangeDetail(before, { ...before, zones: reordered }).fields).toBe('zones (reordered)');
  });
});
