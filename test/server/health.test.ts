import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { startTestServer, type TestServer } from './helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /healthz', () => {
  it('answers with the version and the storage kind', async () => {
    server = await startTestServer();
    const response = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body).toMatchObject({ status: 'ok', version: '0.0.0+test', storage: 'sqlite' });
    expect(Date.parse(body.storageCreatedAt)).not.toBeNaN();
  });

  it('creates the SQLite file with its folder and applies migrations on first start', async () => {
    server = await startTestServer();
    const file = server.storage.kind === 'sqlite' ? server.storage.file : '';
    expect(existsSync(file)).toBe(true);
    const db = new SQLite(file, { readonly: true });
    const migrations = db.prepare('select name from kysely_migration order by name').all();
    db.close();
    expect(migrations).toEqual([
      { name: '0001_server_info' },
      { name: '0002_sync' },
      { name: '0003_export_log' },
      { name: '0004_event_settings_and_people' },
      { name: '0005_audit_log' },
      { name: '0006_photos' },
      { name: '0007_push' },
      { name: '0008_alerts' },
      { name: '0009_unowned_due_backfill' },
      { name: '0010_alert_phrases' },
      { name: '0011_refusal_phrases' },
    ]);
  });

  it('keeps the database and its creation time across restarts', async () => {
    server = await startTestServer();
    const first = (await server.app.inject({ method: 'GET', url: '/healthz' })).json();
    await server.app.close();
    const reopened = await buildApp({ storage: server.storage, staticDir: null });
    const second = (await reopened.inject({ method: 'GET', url: '/healthz' })).json();
    await reopened.close();
    expect(second.storageCreatedAt).toBe(first.storageCreatedAt);
  });
});
