import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { signToken } from '../auth';
import { config } from '../config';
import { query, queryOne } from '../db/pool';
import { type Handler } from '../http/router';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_PASSWORD_LENGTH = 10;

interface UserRow {
  id: number;
  email: string;
  password_hash: string;
  display_name: string;
}

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 64);
  return `${salt.toString('hex')}:${key.toString('hex')}`;
}

async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [saltHex, keyHex] = stored.split(':');
  if (!saltHex || !keyHex) return false;
  const key = await scrypt(password, Buffer.from(saltHex, 'hex'), 64);
  return timingSafeEqual(key, Buffer.from(keyHex, 'hex'));
}

export const register: Handler = async (req, res) => {
  const { email, password, displayName } = (req.body ?? {}) as Record<string, unknown>;
  if (typeof email !== 'string' || !EMAIL.test(email)) {
    res.status(400).json({ error: 'A valid email is required' });
    return;
  }
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    res.status(400).json({ error: `Password must be at least ${MIN_PASSWORD_LENGTH} characters` });
    return;
  }
  const name = typeof displayName === 'string' && displayName.trim() !== '' ? displayName.trim().slice(0, 100) : email.split('@')[0];
  const existing = await queryOne<UserRow>('SELECT id FROM users WHERE email = $1', [email.toLowerCase()]);
  if (existing) {
    res.status(409).json({ error: 'Email is already registered' });
    return;
  }
  const [user] = await query<UserRow>(
    'INSERT INTO users (email, password_hash, display_name) VALUES ($1, $2, $3) RETURNING id, email, display_name',
    [email.toLowerCase(), await hashPassword(password), name],
  );
  res.status(201).json({ id: user!.id, email: user!.email, displayName: user!.display_name });
};

export const login: Handler = async (req, res) => {
  const { email, password } = (req.body ?? {}) as { email?: string; password?: string };
  const user = email ? await queryOne<UserRow>('SELECT * FROM users WHERE email = $1', [email.toLowerCase()]) : undefined;
  if (!user || !password || !(await verifyPassword(password, user.password_hash))) {
    res.status(401).json({ error: 'Invalid email or password' });
    return;
  }
  res.json({ token: signToken(user.id), expiresIn: config.jwtTtlSeconds });
};
