import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import { config } from '../config';

export const pool = new Pool({
  connectionString: config.databaseUrl,
  max: config.db.maxConnections,
  statement_timeout: config.db.statementTimeoutMs,
});

pool.on('error', (err) => {
  console.error('postgres: idle client error', err);
});

const SLOW_QUERY_MS = 200;

export async function query<T extends QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const started = Date.now();
  const result = await pool.query<T>(text, params);
  const elapsed = Date.now() - started;
  if (elapsed > SLOW_QUERY_MS) console.warn(`slow query (${elapsed} ms): ${text}`);
  return result.rows;
}

export async function queryOne<T extends QueryResultRow>(text: string, params: unknown[] = []): Promise<T | undefined> {
  const rows = await query<T>(text, params);
  return rows[0];
}

export async function withTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
