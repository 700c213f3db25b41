import { describe, expect, it } from 'vitest';
import { backends, startTestServer } from './helpers';

describe.skipIf(!backends.includes('postgres'))('servers in two schemas of one PostgreSQL database', () => {
  it('the second migrates its own schema although the first one’s tables are in the database', async () => {
    const first = await startTestServer({ backend: 'postgres' });
    try {
      const second = await startTestServer({ backend: 'postgres' });
      const health = await second.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      await second.close();
    } finally {
      await first.close();
    }
  });
});
