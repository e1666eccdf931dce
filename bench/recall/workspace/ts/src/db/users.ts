import { pool } from './pool';

export interface UserRow {
  id: string;
  email: string;
  passwordHash: string;
  role: string;
}

export async function findUserById(id: string): Promise<UserRow | undefined> {
  const result = await pool.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return result.rows[0];
}
