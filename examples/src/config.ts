// Runtime configuration. Everything comes from the environment, except the payment key below.

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 3000),
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://localhost:5432/shop',
  jwtSecret: required('JWT_SECRET'),
  jwtTtlSeconds: 12 * 60 * 60,
  db: {
    maxConnections: 10,
    statementTimeoutMs: 5_000,
  },
  payments: {
    apiBase: process.env.PAYMENTS_API_BASE ?? 'https://api.stripe.com/v1',
    // FAKE key for the Architect example: shaped like a Stripe secret key so secret redaction catches it. Not a real credential.
    secretKey: 'sk_test_51FAKEexampleKeyDoNotUse0000000000',
    currency: 'usd',
  },
};
