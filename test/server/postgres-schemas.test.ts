import pg from 'pg';
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

  it('a server starts while other schemas of the database are created and dropped', async () => {
    // Another Helptent's tests, or another app sharing the database: schemas come and go while
    // this server looks for its migration tables. Looking at every schema then failed the start.
    const churn = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await churn.connect();
    let churning = true;
    const churned = (async () => {
      for (let round = 0; churning; round += 1) {
        const schema = `churn_${process.pid}_${round}`;
        await churn.query(`create schema ${schema}`);
        await churn.query(`create table ${schema}.t (id serial primary key, v text)`);
        await churn.query(`drop schema ${schema} cascade`);
      }
    })();
    try {
      for (let start = 0; start < 6; start += 1) {
        const server = await startTestServer({ backend: 'postgres' });
        expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
        await server.close();
      }
    } finally {
      churning = false;
      await churned;
      await churn.end();
    }
  }, 120_000);
});
