import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseUnifiedDiff } from '../../../src/core/changes/parseDiff';
import { redactDiff } from '../../../src/core/changes/redactDiff';
import { english } from '../../../src/core/i18n';
import { fitRelated } from '../../../src/core/sources/fitRelated';
import { findSecrets, redactText } from '../../../src/core/redact/findSecrets';
import { hasSecretShape } from '../../../src/core/redact/secretShape';
import { formatOf } from '../../../src/core/redact/textFormat';
import { buildRequest } from '../../../src/core/request/buildRequest';
import { fileSource, repoRoot, shippedPersona } from '../support/helpers';

// The corpus: real files of public API projects (their licences beside them), and the credentials
// each one holds, annotated by hand.
const corpusDir = path.join(repoRoot, 'test', 'fixtures', 'redaction-corpus');
interface Annotated {
  readonly line: number;
  readonly column: number;
  readonly value: string;
}
const annotations = JSON.parse(readFileSync(path.join(corpusDir, 'annotations.json'), 'utf8')) as {
  files: Record<string, { secrets: Annotated[] }>;
};
const corpus = Object.entries(annotations.files).map(([file, { secrets }]) => {
  const text = readFileSync(path.join(corpusDir, file), 'utf8');
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  const placed = secrets.map((secret) => {
    const start = (starts[secret.line - 1] ?? 0) + secret.column - 1;
    return { ...secret, start, end: start + secret.value.length };
  });
  return { file, text, secrets: placed };
});

describe('R58 real code that names passwords reaches the model as written', () => {
  test('R58 the corpus holds the two templates, a Java and a Go service, and config files', () => {
    for (const part of ['fastapi-template/', 'node-express-boilerplate/', 'spring-petclinic/', 'golang-gin-realworld/'])
      assert.ok(
        corpus.some(({ file }) => file.startsWith(part)),
        part,
      );
    for (const ext of ['.properties', '.ini', '.yml', '.java', '.go', '.py', '.tsx', '.js'])
      assert.ok(
        corpus.some(({ file }) => file.endsWith(ext)),
        ext,
      );
    assert.ok(corpus.filter(({ secrets }) => secrets.length === 0).length >= 30);
  });

  for (const { file, text, secrets } of corpus.filter((item) => item.secrets.length === 0)) {
    test(`R58 ${file} holds no secret: no redaction`, async () => {
      const redacted = await redactText(text, { path: file });
      assert.equal(redacted.count, 0, diffLines(text, redacted.text));
      assert.equal(redacted.text, text);
      assert.equal(secrets.length, 0);
    });
  }

  for (const { file, text, secrets } of corpus.filter((item) => item.secrets.length > 0)) {
    test(`R58 ${file}: every redaction hides an annotated credential, and nothing else`, async () => {
      const found = await findSecrets(text, { path: file });
      const stray = found.filter((range) => !secrets.some((secret) => range.start < secret.end && secret.start < range.end));
      assert.deepEqual(
        stray.map((range) => text.slice(range.start, range.end)),
        [],
      );
      for (const range of found)
        assert.ok(
          secrets.some((secret) => range.start >= secret.start && range.end <= secret.end),
          `${text.slice(range.start, range.end)} is wider than the credential`,
        );
    });
  }

  const pw = ['pass', 'word'].join('');
  const CODE: Array<[string, string]> = [
    ['app/api/routes/login.py', `from app.core.security import verify_${pw}\n`],
    ['tests/test_users.py', `    ${pw} = random_lower_string()\n    data = {"email": username, "${pw}": ${pw}}\n`],
    ['src/routes/signup.tsx', `const formSchema = z\n  .object({\n    ${pw}: z\n      .string()\n      .min(8),\n  })\n`],
    ['app/core/security.py', `def verify_${pw}(\n    plain_${pw}: str, hashed_${pw}: str\n) -> bool:\n`],
    [
      'src/components/ui/password-input.tsx',
      `const PasswordInput = React.forwardRef<HTMLInputElement, PasswordInputProps>(\n  aria-label={show ? "Hide ${pw}" : "Show ${pw}"}\n`,
    ],
    ['src/config/config.js', `    resetPasswordExpirationMinutes: envVars.JWT_RESET_PASSWORD_EXPIRATION_MINUTES,\n`],
    ['app/models.py', `class UserCreate(UserBase):\n    ${pw}: str = Field(min_length=8, max_length=128)\n`],
    ['src/config/tokens.js', `  RESET_PASSWORD: 'resetPassword',\n`],
    [
      'compose.yml',
      `      SMTP_PASSWORD: \${SMTP_PASSWORD:-}\n      FIRST_SUPERUSER_PASSWORD: \${FIRST_SUPERUSER_PASSWORD:?Variable not set}\n`,
    ],
  ];
  for (const [file, code] of CODE) {
    test(`R58 ${file}: ${code.split('\n')[0]?.trim()} is sent as written`, async () => {
      assert.equal((await redactText(code, { path: file })).text, code);
    });
  }

  test('R58 a value found once is not replaced elsewhere when it is a word; a secret-shaped one is', async () => {
    const word = ['change', 'this'].join('');
    const shaped = ['hX9#kq2', 'Lm9pQ'].join('');
    const text = `${pw} = "${word}"\n# never ship ${word}\nadmin_${pw} = "${shaped}"\nlogin(user, "${shaped}")\n`;
    const redacted = await redactText(text, { path: 'settings.py' });
    assert.equal(redacted.count, 3);
    assert.ok(redacted.text.includes(`# never ship ${word}`), redacted.text);
    assert.ok(!redacted.text.includes(shaped), redacted.text);
    assert.ok(redacted.text.includes('login(user, "[REDACTED:password]")'), redacted.text);
  });

  test('R58 an unquoted value counts in config formats, not in code', async () => {
    const value = ['s3cr3t', 'Value'].join('-');
    for (const file of ['application.properties', 'alembic.ini', '.env', '.env.local'])
      assert.equal((await redactText(`db_${pw}=${value}\n`, { path: file })).count, 1, file);
    for (const file of ['config/app.yaml', 'k8s/db.yml'])
      assert.equal((await redactText(`db:\n  ${pw}: ${value}\n`, { path: file })).count, 1, file);
    for (const file of ['settings.py', 'config.ts', 'config.js', 'Config.java', 'main.go'])
      assert.equal((await redactText(`db_${pw} = ${value}\n`, { path: file })).count, 0, file);
    // The language id decides where the path does not: an untitled buffer.
    assert.equal((await redactText(`${pw} = ${value}\n`, { path: 'Untitled-1', languageId: 'python' })).count, 0);
    assert.equal((await redactText(`${pw} = ${value}\n`, { path: 'Untitled-1', languageId: 'properties' })).count, 1);
  });

  test('R58 the format of a path', () => {
    assert.equal(formatOf({ path: 'src/main/resources/application.properties' }), 'config');
    assert.equal(formatOf({ path: 'deploy/.env.production' }), 'config');
    assert.equal(formatOf({ path: 'backend/app/core/security.py' }), 'code');
    assert.equal(formatOf({ path: 'README.md' }), 'unknown');
    assert.equal(formatOf(undefined), 'unknown');
  });

  test('R58 the shape of a secret: never a word or a name', () => {
    for (const value of [
      'password',
      'changethis',
      'password1',
      'newPassword1',
      'settings.FIRST_SUPERUSER_PASSWORD',
      'email-server-password',
      '11111111',
      'z',
    ])
      assert.equal(hasSecretShape(value), false, value);
    for (const value of [
      'hunter2hunter2',
      's3cr3t-Pass!',
      ['q8Fz/K7', 'MDbPxR+fiCY'].join(''),
      ['gh', 'p_', 'a'.repeat(12), '0123456789AbCd'].join(''),
    ])
      assert.equal(hasSecretShape(value), true, value);
  });

  test('R58 /review of the FastAPI security module sends every line as written', async () => {
    const file = 'fastapi-template/backend/app/core/security.py';
    const text = corpus.find((item) => item.file === file)?.text ?? '';
    const plan = await buildRequest({
      command: 'review',
      question: '',
      persona: shippedPersona(),
      context: [{ kind: 'attachments', sources: [fileSource('backend/app/core/security.py', text, undefined, 'python')] }],
      history: [],
      exclude: [],
      redactSecrets: true,
      maxInputTokens: 128_000,
    });
    assert.equal(plan.redactions, 0);
    const sent = plan.messages.map((message) => message.text).join('\n');
    for (const line of text.split('\n').filter((each) => each.trim() !== '')) assert.ok(sent.includes(line), line);
  });
});

describe('R58 renaming identifiers that hold "password" never changes what is redacted', () => {
  // Code in which a name is used the way real code uses one, beside two literal credentials whose keys
  // stay as they are.
  const secretA = ['Xq7#mW2', 'pLz9'].join('');
  const secretB = ['sk3', 'Tr0ng!pass'].join('');
  const templates: Record<string, (name: string, Name: string) => string> = {
    'auth.py': (name) =>
      [
        `from app.core.security import verify_${name}`,
        `def login(`,
        `    plain_${name}: str, hashed_${name}: str`,
        `) -> bool:`,
        `    ${name} = random_lower_string()`,
        `    data = {"email": username, "${name}": ${name}}`,
        `    user.${name} = get_${name}_hash(${name})`,
        `    if not verify_${name}(${name}, user.hashed_${name}):`,
        `        raise HTTPException(detail="Incorrect ${name}")`,
        `DB_PASSWORD = "${secretA}"`,
        `${name}_rules = settings.${name.toUpperCase()}_RULES`,
        `admin = {"password": "${secretB}"}`,
      ].join('\n'),
    'form.tsx': (name, Name) =>
      [
        `import { ${Name}Input } from "@/components/ui/${name}-input"`,
        `const schema = z.object({`,
        `  ${name}: z`,
        `    .string()`,
        `    .min(8),`,
        `})`,
        `${Name}Input.displayName = "${Name}Input"`,
        `const ${Name}Field = React.forwardRef<HTMLInputElement, ${Name}Props>((props, ref) => (`,
        `  <${Name}Input placeholder="${Name}" {...form.register("${name}")} />`,
        `))`,
        `const reset${Name}Minutes = envVars.JWT_RESET_${name.toUpperCase()}_MINUTES`,
        `const clientPassword = "${secretA}"`,
        `login({ email, ${name} }, { password: "${secretB}" })`,
      ].join('\n'),
  };
  const word = fc.constantFrom('password', 'Password', 'PASSWORD', 'passwd', 'pwd');
  const name = fc
    .tuple(
      fc.constantFrom('', 'user_', 'new', 'hashed_', 'current', 'x'),
      word,
      fc.constantFrom('', '_hint', 'Input', 'Hash', '2', '_value'),
    )
    .map(([prefix, middle, suffix]) => `${prefix}${middle}${suffix}`.replace(/^[^A-Za-z_]/, 'p'));

  test('R58 property: two names that hold "password" give the same redactions: the two credentials', async () => {
    await fc.assert(
      fc.asyncProperty(name, name, fc.constantFrom(...Object.keys(templates)), async (first, second, file) => {
        const render = templates[file] as (name: string, Name: string) => string;
        const capital = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
        const valuesOf = async (text: string) =>
          (await findSecrets(text, { path: file })).map((range) => text.slice(range.start, range.end));
        const one = await valuesOf(render(first, capital(first)));
        const other = await valuesOf(render(second, capital(second)));
        assert.deepEqual(one, other);
        assert.deepEqual(one, [secretA, secretB]);
      }),
      { numRuns: 60 },
    );
  });
});

function diffLines(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  return a
    .map((line, index) => (line === b[index] ? '' : `${index + 1}: ${line}\n   → ${b[index] ?? ''}`))
    .filter(Boolean)
    .slice(0, 10)
    .join('\n');
}

describe('R58 keys that name a copy of a credential are still password keys', () => {
  test('R58 DB_PASSWORD_PROD, ADMIN_PASSWORD_B64 and client_secret_dev are keys; PASSWORD_FILE and passwordHint are not', async () => {
    const value = ['x9Q', '#lm2Rt'].join('');
    for (const key of ['DB_PASSWORD_PROD', 'ADMIN_PASSWORD_B64', 'client_secret_dev', 'smtpPassword2'])
      assert.equal((await redactText(`${key} = "${value}"\n`, { path: 'settings.py' })).count, 1, key);
    for (const key of ['POSTGRES_PASSWORD_FILE', 'passwordHint', 'secretName'])
      assert.equal((await redactText(`${key}: "${value}"\n`, { path: 'values.yaml' })).count, 0, key);
  });
});

describe('R58 the format reaches the redactor from a diff', () => {
  test('R58 /changes: an added schema field named password is sent as written; an added .properties password is not', async () => {
    const pw = ['pass', 'word'].join('');
    // Without its path, `password: z` would read as a config line whose value is `z`.
    const schema = ['const schema = z.object({', `  ${pw}: z`, '    .string()', '    .min(8),', '})'];
    const value = ['Qz8', '#kLm2vX'].join('');
    const added = (file: string, lines: readonly string[]) =>
      [
        `diff --git a/${file} b/${file}`,
        `--- a/${file}`,
        `+++ b/${file}`,
        `@@ -1,0 +1,${lines.length} @@`,
        ...lines.map((line) => `+${line}`),
      ].join('\n');
    const diff = [
      added('src/routes/signup.tsx', schema),
      added('config/application.properties', [`spring.datasource.${pw}=${value}`]),
    ].join('\n');
    const { files, count } = await redactDiff(parseUnifiedDiff(`${diff}\n`));
    const text = (index: number) => files[index]?.hunks.flatMap((hunk) => hunk.lines.map((line) => line.text)) ?? [];
    assert.deepEqual(text(0), schema);
    assert.deepEqual(text(1), [`spring.datasource.${pw}=[REDACTED:password]`]);
    assert.equal(count, 1);
  });
});

describe('R58 the format reaches the redactor from related code', () => {
  test('R58 a related declaration in TypeScript that names a password is sent as written', async () => {
    const pw = ['pass', 'word'].join('');
    const text = ['export const signupSchema = z.object({', `  ${pw}: z`, '    .string()', '    .min(8),', '})', ''].join('\n');
    const { fitted } = await fitRelated(
      [
        {
          key: 'file:///ws/src/schemas.ts',
          label: 'src/schemas.ts',
          matchPath: 'src/schemas.ts',
          text,
          startLine: 1,
          endLine: 5,
          symbol: 'signupSchema',
          reason: 'definition',
        },
      ],
      { tokens: 10_000, charsPerToken: 4, redactSecrets: true, alreadyShown: new Map(), t: english },
    );
    assert.equal(fitted.length, 1);
    assert.equal(fitted[0]?.rendered.redactions, 0);
    assert.ok(fitted[0]?.rendered.text.includes(`${pw}: z`));
  });
});
