import jwt, { type JwtPayload } from 'jsonwebtoken';
import { config } from './config';
import { type Handler } from './http/router';

export function signToken(userId: number): string {
  return jwt.sign({}, config.jwtSecret, { subject: String(userId), expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' });
}

/** Rejects the request unless it carries a valid bearer token; sets req.userId. */
export const requireAuth: Handler = (req, res) => {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  try {
    const claims = jwt.verify(token, config.jwtSecret, { algorithms: ['HS256'] }) as JwtPayload;
    req.userId = Number(claims.sub);
  } catch {
    res.status(401).json({ error: 'Unauthorized' });
  }
};
