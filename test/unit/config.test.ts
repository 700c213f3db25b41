import { describe, expect, it } from 'vitest';
import { loadConfig, parseDatabaseUrl } from '../../src/server/config';

describe('server configuration', () => {
  it('defaults to an SQLite file under data/ in the working directory on port 3000', () => {
    const config = loadConfig({}, '/srv/helptent');
    expect(config.storage).toEqual({ kind: 'sqlite', file: '/srv/helptent/data/helptent.sqlite' });
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.trustProxy).toBe(false);
    expect(config.requestTimeoutMs).toBe(30_000);
  });

  it('trusts the TLS proxy named in TRUST_PROXY, and only it', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }, '/srv').trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1' }, '/srv').trustProxy).toBe('127.0.0.1');
    expect(loadConfig({ TRUST_PROXY: 'false' }, '/srv').trustProxy).toBe(false);
    expect(() => loadConfig({ HELPTENT_REQUEST_TIMEOUT_MS: '5' }, '/srv')).toThrow(/HELPTENT_REQUEST_TIMEOUT_MS/);
  });

  it('reads sqlite: and file: URLs, relative or absolute', () => {
    expect(parseDatabaseUrl('sqlite:festival.db', '/srv')).toEqual({ kind: 'sqlite', file: '/srv/festival.db' });
    expect(parseDatabaseUrl('sqlite:/var/lib/helptent.db', '/srv')).toEqual({ kind: 'sqlite', file: '/var/lib/helptent.db' });
    expect(parseDatabaseUrl('file:///var/lib/helptent.db', '/srv')).toEqual({ kind: 'sqlite', file: '/var/lib/helptent.db' });
  });

  it('explains a database URL it cannot use', () => {
    expect(() => parseDatabaseUrl('mysql://x', '/srv')).toThrow(/DATABASE_URL "mysql:\/\/x" is not understood/);
  });

  it('reads PostgreSQL URLs as they are', () => {
    expect(parseDatabaseUrl('postgres://helptent:pw@db:5432/helptent', '/srv')).toEqual({
      kind: 'postgres',
      url: 'postgres://helptent:pw@db:5432/helptent',
    });
    expect(parseDatabaseUrl('postgresql://db/helptent', '/srv').kind).toBe('postgres');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, '/srv')).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' }, '/srv')).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ HELPTENT_MIN_PROTOCOL: '9' }, '/srv')).toThrow(/HELPTENT_MIN_PROTOCOL: must be at most 2/);
  });

  it('accepts every app protocol version unless told the oldest to take', () => {
    expect(loadConfig({}, '/srv').minProtocolVersion).toBe(1);
    expect(loadConfig({ HELPTENT_MIN_PROTOCOL: '2' }, '/srv').minProtocolVersion).toBe(2);
  });
});
