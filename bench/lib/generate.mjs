// @ts-check
// Deterministic inputs for the benchmark: backend TypeScript of any size, a minified single-line
// bundle, and a streamed markdown answer. Same seed, same bytes, on every machine and every run, so
// numbers from two runs compare. Fake secrets are built from the PRNG at run time (no token-shaped
// literal sits in this file) and are placed where redaction has to find them.

/** mulberry32: tiny, fast, good enough for test data. */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** @param {() => number} rand @param {string} alphabet @param {number} length */
function randomString(rand, alphabet, length) {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rand() * alphabet.length)];
  return out;
}

/** @template T @param {() => number} rand @param {readonly T[]} items @returns {T} */
function pick(rand, items) {
  return /** @type {T} */ (items[Math.floor(rand() * items.length)]);
}

/**
 * Secret-shaped values secretlint's recommended rules recognise: a GitHub token (`ghp_` + 36), an AWS
 * access key id, a Slack bot token and a database URL with a password.
 * @param {() => number} rand
 */
export function fakeSecrets(rand) {
  return {
    github: `ghp_${randomString(rand, ALNUM, 36)}`,
    awsKeyId: `AKIA${randomString(rand, UPPER_DIGITS, 16)}`,
    slack: `xoxb-${randomString(rand, '0123456789', 12)}-${randomString(rand, '0123456789', 13)}-${randomString(rand, ALNUM, 24)}`,
    databaseUrl: `postgres://orders_admin:${randomString(rand, ALNUM, 20)}@db.internal.example:5432/orders`,
  };
}

const ENTITIES = [
  'order',
  'invoice',
  'customer',
  'shipment',
  'payment',
  'refund',
  'product',
  'warehouse',
  'subscription',
  'coupon',
  'account',
  'session',
];
const FIELDS = [
  ['status', "'pending' | 'active' | 'closed'"],
  ['totalCents', 'number'],
  ['currency', 'string'],
  ['ownerId', 'string'],
  ['note', 'string | null'],
  ['retries', 'number'],
  ['region', "'eu' | 'us' | 'ap'"],
  ['tags', 'string[]'],
  ['archived', 'boolean'],
  ['externalRef', 'string'],
];

const cap = (word) => word[0].toUpperCase() + word.slice(1);

/** One module's worth of a realistic Express + zod + pg service, varied by the PRNG. */
function moduleBlock(rand, index) {
  const entity = pick(rand, ENTITIES);
  const Entity = cap(entity);
  const table = `${entity}s`;
  const fields = FIELDS.filter(() => rand() < 0.6);
  const limit = 20 + Math.floor(rand() * 80);
  const version = 1 + Math.floor(rand() * 3);
  return `
// ---------------------------------------------------------------------------------------------
// ${Entity} API, part ${index}: validation, persistence and handlers (v${version})
// ---------------------------------------------------------------------------------------------

export interface ${Entity}Record${index} {
  id: string;
  createdAt: Date;
  updatedAt: Date;
${fields.map(([name, type]) => `  ${name}: ${type};`).join('\n')}
}

const create${Entity}Schema${index} = z.object({
${fields.map(([name, type]) => `  ${name}: ${type === 'number' ? 'z.number().int().nonnegative()' : type === 'boolean' ? 'z.boolean()' : type.endsWith('[]') ? 'z.array(z.string().max(64)).max(20)' : 'z.string().min(1).max(200)'},`).join('\n')}
});

/**
 * Lists ${table} for the caller, newest first, at most ${limit} per page.
 * The cursor is the id of the last row of the previous page.
 */
export async function list${Entity}s${index}(req: Request, res: Response): Promise<void> {
  const cursor = typeof req.query.cursor === 'string' ? req.query.cursor : undefined;
  const pageSize = Math.min(Number(req.query.limit ?? ${limit}), ${limit});
  const started = performance.now();
  const { rows } = await pool.query<${Entity}Record${index}>(
    \`SELECT * FROM ${table} WHERE owner_id = $1 \${cursor ? 'AND id < $3' : ''} ORDER BY id DESC LIMIT $2\`,
    cursor ? [req.user.id, pageSize, cursor] : [req.user.id, pageSize],
  );
  metrics.histogram('${table}.list.ms', performance.now() - started);
  res.json({ items: rows, next: rows.length === pageSize ? rows[rows.length - 1]?.id : null });
}

export async function create${Entity}${index}(req: Request, res: Response): Promise<void> {
  const parsed = create${Entity}Schema${index}.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: 'invalid_request', details: parsed.error.issues.slice(0, 10) });
    return;
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<${Entity}Record${index}>(
      'INSERT INTO ${table} (owner_id, payload) VALUES ($1, $2) RETURNING *',
      [req.user.id, JSON.stringify(parsed.data)],
    );
    await client.query('INSERT INTO audit_log (actor, action, subject) VALUES ($1, $2, $3)', [req.user.id, '${entity}.create', rows[0]?.id]);
    await client.query('COMMIT');
    res.status(201).location(\`/api/v${version}/${table}/\${rows[0]?.id}\`).json(rows[0]);
  } catch (error) {
    await client.query('ROLLBACK');
    logger.error({ err: error, route: '${table}.create' }, 'create failed');
    res.status(500).json({ error: 'internal' });
  } finally {
    client.release();
  }
}

export async function delete${Entity}${index}(req: Request, res: Response): Promise<void> {
  const id = String(req.params.id);
  if (!/^[0-9a-f-]{36}$/.test(id)) {
    res.status(404).end();
    return;
  }
  const result = await pool.query('DELETE FROM ${table} WHERE id = $1 AND owner_id = $2', [id, req.user.id]);
  res.status(result.rowCount === 1 ? 204 : 404).end();
}

router.get('/api/v${version}/${table}', requireAuth, rateLimit({ perMinute: ${limit * 3} }), list${Entity}s${index});
router.post('/api/v${version}/${table}', requireAuth, create${Entity}${index});
router.delete('/api/v${version}/${table}/:id', requireAuth, delete${Entity}${index});
`;
}

const HEADER = `import express, { type Request, type Response } from 'express';
import { Pool } from 'pg';
import { z } from 'zod';
import { logger, metrics } from './observability';
import { rateLimit, requireAuth } from './middleware';

export const router = express.Router();
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20, idleTimeoutMillis: 30_000 });
`;

/** @param {ReturnType<typeof fakeSecrets>} secrets @param {number} n */
function secretBlock(secrets, n) {
  const lines = [
    `// Left here "for local testing" (#${n}): exactly what redaction is for.`,
    n % 2 === 0 ? `const GITHUB_TOKEN_${n} = '${secrets.github}';` : `const FALLBACK_DATABASE_URL_${n} = '${secrets.databaseUrl}';`,
    n % 2 === 0 ? `const AWS_ACCESS_KEY_ID_${n} = '${secrets.awsKeyId}';` : `const SLACK_BOT_TOKEN_${n} = '${secrets.slack}';`,
  ];
  return `\n${lines.join('\n')}\n`;
}

/**
 * TypeScript of at least `size` bytes (ASCII, so bytes = characters), cut at a line end, with fake
 * secrets at 10 %, 50 % (inside the middle selection) and 90 % of the file.
 * @param {number} size
 * @param {number} [seed]
 */
export function generateTypeScript(size, seed = 42) {
  const rand = prng(seed);
  const secrets = fakeSecrets(rand);
  const parts = [HEADER];
  let length = HEADER.length;
  const marks = [0.1, 0.5, 0.9].map((fraction) => Math.floor(size * fraction));
  let nextMark = 0;
  for (let index = 1; length < size; index++) {
    if (nextMark < marks.length && length >= /** @type {number} */ (marks[nextMark])) {
      const block = secretBlock(secrets, nextMark);
      parts.push(block);
      length += block.length;
      nextMark++;
    }
    const block = moduleBlock(rand, index);
    parts.push(block);
    length += block.length;
  }
  const text = parts.join('');
  return text.slice(0, text.lastIndexOf('\n', size) + 1);
}

/**
 * A minified bundle of `size` bytes on one line (no newline at all), with a GitHub token in the middle.
 * @param {number} size
 * @param {number} [seed]
 */
export function generateMinifiedJs(size, seed = 7) {
  const rand = prng(seed);
  const secrets = fakeSecrets(rand);
  const ids = () =>
    randomString(rand, 'abcdefghijklmnopqrstuvwxyz', 1) +
    randomString(rand, 'abcdefghijklmnopqrstuvwxyz0123456789', Math.floor(rand() * 2));
  const snippets = [
    () => `function ${ids()}(${ids()},${ids()}){return ${ids()}.${ids()}(${ids()})||null}`,
    () => `var ${ids()}=${Math.floor(rand() * 1e6)},${ids()}="${randomString(rand, ALNUM, 8)}";`,
    () => `${ids()}.prototype.${ids()}=function(e,t){if(!e)throw new TypeError("invalid "+t);return this.${ids()}[e]=t,this};`,
    () =>
      `const ${ids()}=async(e)=>{const t=await fetch(e,{method:"POST",headers:{"content-type":"application/json"}});return t.ok?t.json():Promise.reject(t.status)};`,
    () => `for(let e=0;e<${ids()}.length;e++)${ids()}[e]=${ids()}[e]*${Math.floor(rand() * 97)}>>>0;`,
    () => `!function(){"use strict";var e={${ids()}:1,${ids()}:[1,2,3],${ids()}:{a:!0,b:!1}};Object.freeze(e)}();`,
  ];
  const parts = [];
  let length = 0;
  let secretPlaced = false;
  while (length < size) {
    const piece = !secretPlaced && length >= size / 2 ? `var GITHUB_TOKEN="${secrets.github}";` : pick(rand, snippets)();
    if (piece.includes('GITHUB_TOKEN')) secretPlaced = true;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('').slice(0, size);
}

/**
 * A model's answer to `/review` streamed in chunks of 3–20 characters: prose, lists, a link, inline
 * code, a TypeScript code block, and the closing `architect-findings` block the filter holds back.
 * @param {number} count how many chunks
 * @param {number} [seed]
 */
export function answerChunks(count, seed = 99) {
  const rand = prng(seed);
  const findings = JSON.stringify(
    [
      {
        line: 12,
        severity: 'high',
        rule: 'validation',
        title: 'Unvalidated limit',
        detail: 'req.query.limit reaches SQL as NaN.',
        fix: 'Parse with zod and clamp.',
      },
      {
        line: 30,
        endLine: 36,
        severity: 'medium',
        rule: 'errors',
        title: 'Error body leaks nothing but loses the cause',
        fix: 'Log the request id.',
      },
      { line: 48, severity: 'low', rule: 'http', title: 'DELETE returns 404 for malformed ids', detail: 'Fine, but document it.' },
    ],
    null,
    2,
  );
  const intro = [
    '## Review of `src/orders.ts`\n\n',
    'The handlers are mostly sound: input goes through **zod**, writes run in a transaction, and errors ',
    'never leak stack traces. A few things deserve attention before this ships:\n\n',
    '1. **Pagination**: `limit` is read with `Number(...)` and never validated, so `?limit=abc` becomes `NaN`.\n',
    '2. **Idempotency**: `POST` has no idempotency key; a retried request creates a duplicate. See [RFC draft](https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/).\n',
    '3. **Observability**: the histogram has no route label cardinality limit.\n\n',
    '> Keep the transaction, but move the audit insert into the same statement batch.\n\n',
    'A safer version of the list handler:\n\n',
    '```ts\n',
    'const listQuery = z.object({ cursor: z.string().uuid().optional(), limit: z.coerce.number().int().min(1).max(100).default(20) });\n',
    'export async function listOrders(req: Request, res: Response) {\n',
    '  const query = listQuery.safeParse(req.query);\n',
    "  if (!query.success) return res.status(400).json({ error: 'invalid_request' });\n",
    '  // ...\n',
    '}\n',
    '```\n\n',
  ];
  const filler =
    'Consider returning `Retry-After` with 429s, and make the cursor opaque (base64 of the id and timestamp) so clients cannot craft it. ';
  const outro = `\n\nThat covers the main risks.\n\n\`\`\`architect-findings\n${findings}\n\`\`\`\n`;
  // Filler between intro and outro so that the text splits into `count` chunks of 3–20 characters.
  const lengths = Array.from({ length: count }, () => 3 + Math.floor(rand() * 18));
  const wanted = lengths.reduce((sum, n) => sum + n, 0);
  const head = intro.join('');
  let middle = '';
  while (head.length + middle.length + outro.length < wanted) middle += filler;
  const text = (head + middle).slice(0, Math.max(head.length, wanted - outro.length)) + outro;
  const chunks = [];
  let at = 0;
  for (let i = 0; i < count && at < text.length; i++) {
    // Short answers (few chunks) stretch every chunk evenly; the last chunk takes the rest.
    const length = i === count - 1 ? text.length - at : Math.max(1, Math.round(/** @type {number} */ (lengths[i] * text.length) / wanted));
    chunks.push(text.slice(at, at + length));
    at += length;
  }
  return chunks.filter((chunk) => chunk !== '');
}

/**
 * A unified diff as `git diff` prints it: `files` changed TypeScript files, each with two hunks of 3
 * context lines around removed and added lines, `changedLines` changed lines in all. An added line in
 * one file of 20 carries a fake secret, so redaction has work to do.
 * @param {number} files @param {number} changedLines @param {number} [seed]
 */
export function generateDiff(files, changedLines, seed = 5) {
  const rand = prng(seed);
  // The source's own planted secrets are left out: a window of it would put one in most files. The
  // diff plants its own, in one file of 20.
  const source = generateTypeScript(64 * 1024, seed)
    .split('\n')
    .filter((line) => !/local testing|_(?:TOKEN|URL|KEY_ID)_\d+ = /.test(line));
  const perFile = Math.floor(changedLines / files);
  const out = [];
  for (let index = 0; index < files; index++) {
    const path = `src/module${index}/handlers.ts`;
    out.push(`diff --git a/${path} b/${path}`, `index 1111111..2222222 100644`, `--- a/${path}`, `+++ b/${path}`);
    let start = 20 + Math.floor(rand() * 200);
    let shift = 0;
    for (const [hunk, changed] of [perFile - Math.floor(perFile / 2), Math.floor(perFile / 2)].entries()) {
      const removed = Math.floor(changed * 0.4);
      const added = changed - removed;
      out.push(`@@ -${start},${removed + 6} +${start + shift},${added + 6} @@`);
      for (let i = 0; i < 3; i++) out.push(` ${source[start + i] ?? ''}`);
      for (let i = 0; i < removed; i++) out.push(`-${source[start + 3 + i] ?? ''}`);
      for (let i = 0; i < added; i++) {
        const secret = hunk === 0 && i === 0 && index % 20 === 0 ? ` // token ${fakeSecrets(rand).github}` : '';
        out.push(`+${(source[start + 3 + i] ?? '').replace(/\bconst\b/, 'let')}${secret}`);
      }
      for (let i = 0; i < 3; i++) out.push(` ${source[start + 3 + removed + i] ?? ''}`);
      shift += added - removed;
      start += removed + 6 + 40;
    }
  }
  return out.join('\n') + '\n';
}
