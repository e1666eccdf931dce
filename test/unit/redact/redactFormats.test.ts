import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { redactText } from '../../../src/core/redact/findSecrets';

// Every secret below is generated when the test runs, from a fixed seed: no secret-shaped string sits
// in the repository for a scanner to flag, and none of them is real.
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = ALNUM + '+/';
const BASE64URL = ALNUM + '-_';
const HEX = '0123456789abcdef';
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

let seed = 20260501;
/** mulberry32: a small generator whose output does not repeat within the lengths used here. */
function random(alphabet: string, length: number): string {
  let out = '';
  for (let index = 0; index < length; index++) {
    seed = (seed + 0x6d2b79f5) | 0;
    let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    out += alphabet[((value ^ (value >>> 14)) >>> 0) % alphabet.length];
  }
  return out;
}

const join = (...parts: string[]) => parts.join('');
const PRIVATE_KEY = join('PRIVATE', ' KEY');
const pemLines = (first: string, length: number) => (first + random(BASE64, length - first.length)).match(/.{1,64}/g) ?? [];
function pem(label: string, lines: readonly string[], prefix = ''): string {
  const marker = (edge: string) => `${prefix}-----${edge} ${label ? label + ' ' : ''}${PRIVATE_KEY}-----`;
  return [marker('BEGIN'), ...lines.map((line) => prefix + line), marker('END')].join('\n');
}

interface Case {
  readonly name: string;
  readonly kind: string;
  /** The text to redact and the secret in it (lines of it, for a key). */
  readonly build: () => { text: string; secret: string };
}

const password = () => random(ALNUM, 10) + '!x';
const slashedPassword = () => random(ALNUM, 6) + '/' + random(ALNUM, 6);

const CASES: Case[] = [
  {
    name: 'a Google API key',
    kind: 'google-api-key',
    build: () => withSecret(join('AI', 'za', random(BASE64URL, 35)), (s) => `const maps = "${s}";`),
  },
  {
    name: 'an Azure storage account key',
    kind: 'azure-storage-key',
    build: () =>
      withSecret(
        random(BASE64, 86) + '==',
        (s) => `DefaultEndpointsProtocol=https;AccountName=acct;${join('Account', 'Key')}=${s};EndpointSuffix=core.windows.net`,
      ),
  },
  {
    name: 'an Azure SAS token',
    kind: 'azure-sas-token',
    build: () =>
      withSecret(
        random(ALNUM, 43) + '%3D',
        (s) => `https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&sp=r&se=2030-01-01&${join('si', 'g')}=${s}`,
      ),
  },
  {
    name: 'an Azure DevOps personal access token',
    kind: 'azure-devops-pat',
    build: () => withSecret(join(random(ALNUM, 76), 'AZ', 'DO', random(ALNUM, 4)), (s) => `AZURE_DEVOPS_EXT_TOKEN=${s}`),
  },
  { name: 'an older Azure DevOps token', kind: 'azure-devops-pat', build: () => withSecret(random(BASE32, 52), (s) => `ado_pat: ${s}`) },
  {
    name: 'a GitLab token',
    kind: 'gitlab-token',
    build: () => withSecret(join('gl', 'pat-', random(BASE64URL, 20)), (s) => `git clone https://oauth2@gitlab.com/x.git # ${s}`),
  },
  {
    name: 'a JWT',
    kind: 'jwt',
    build: () =>
      withSecret(
        join('ey', 'J', random(BASE64URL, 30), '.', 'ey', 'J', random(BASE64URL, 60), '.', random(BASE64URL, 43)),
        (s) => `Authorization: Bearer ${s}`,
      ),
  },
  {
    name: 'an npm _authToken',
    kind: 'npm-token',
    build: () => withSecret(random(HEX, 36), (s) => `//registry.npmjs.org/:${join('_auth', 'Token')}=${s}\nalways-auth=true`),
  },
  {
    name: 'a Vault token',
    kind: 'vault-token',
    build: () => withSecret(join('hv', 's.', random(BASE64URL, 90)), (s) => `export VAULT_TOKEN=${s}`),
  },
  {
    name: 'a DigitalOcean token',
    kind: 'digitalocean-token',
    build: () => withSecret(join('do', 'p_v1_', random(HEX, 64)), (s) => `token = "${s}"`),
  },
  {
    name: 'a PyPI token',
    kind: 'pypi-token',
    build: () => withSecret(join('py', 'pi-', 'AgEIcHlwaS5vcmc', random(BASE64URL, 70)), (s) => `[pypi]\nusername = __token__\nkey = ${s}`),
  },
  {
    name: 'a Twilio auth token',
    kind: 'twilio-token',
    build: () => withSecret(random(HEX, 32), (s) => `const client = require('twilio')(accountSid, '${s}');`),
  },
  { name: 'a Twilio API key', kind: 'twilio-token', build: () => withSecret(join('S', 'K', random(HEX, 32)), (s) => `apiKey: "${s}",`) },
  {
    name: 'a Heroku API key',
    kind: 'heroku-api-key',
    build: () => withSecret([8, 4, 4, 4, 12].map((length) => random(HEX, length)).join('-'), (s) => `HEROKU_API_KEY=${s}`),
  },
  {
    name: 'a Heroku HRKU- token',
    kind: 'heroku-api-key',
    build: () => withSecret(join('HR', 'KU-', random(BASE64URL, 60)), (s) => `auth: ${s}`),
  },
  {
    name: 'password= in .properties',
    kind: 'password',
    build: () => withSecret(password(), (s) => `spring.datasource.url=jdbc:h2:mem\nspring.datasource.${join('pass', 'word')}=${s}\n`),
  },
  {
    name: 'password = in .ini',
    kind: 'password',
    build: () => withSecret(password(), (s) => `[database]\nhost = db.internal\n${join('pass', 'word')} = ${s}\n`),
  },
  {
    name: 'password: in YAML',
    kind: 'password',
    build: () => withSecret(password(), (s) => `db:\n  user: app\n  ${join('pass', 'word')}: ${s}\n`),
  },
  {
    name: '"password" in JSON',
    kind: 'password',
    build: () => withSecret(password(), (s) => `{ "db": { "user": "app", "${join('pass', 'word')}": "${s}" } }`),
  },
  {
    name: 'JDBC ?password=',
    kind: 'password',
    build: () => withSecret(password(), (s) => `jdbc:mysql://db.internal:3306/app?user=app&${join('pass', 'word')}=${s}&useSSL=true`),
  },
  {
    name: 'a URL whose password has a /',
    kind: 'url-credentials',
    build: () => withSecret(slashedPassword(), (s) => `REDIS_URL=redis://default:${s}@cache.internal:6379/0`),
  },
  {
    name: 'an https URL whose password has a /',
    kind: 'url-credentials',
    build: () => withSecret(slashedPassword(), (s) => `fetch("https://deploy:${s}@example.com/api")`),
  },
  {
    name: 'a netrc entry',
    kind: 'netrc-password',
    build: () => withSecret(password(), (s) => `machine api.example.com\n  login deploy\n  ${join('pass', 'word')} ${s}\n`),
  },
  { name: 'a pgpass line', kind: 'pgpass-password', build: () => withSecret(password(), (s) => `db.internal:5432:app:deploy:${s}\n`) },
  {
    name: 'a Docker config auth',
    kind: 'docker-auth',
    build: () =>
      withSecret(
        Buffer.from(`deploy:${password()}`).toString('base64'),
        (s) => `{ "auths": { "registry.example.com": { "${join('au', 'th')}": "${s}" } } }`,
      ),
  },
  { name: 'an EC private key', kind: 'private-key', build: () => keyCase((lines) => pem('EC', lines), pemLines('MHcCAQEEI', 160)) },
  {
    name: 'an Ed25519 PKCS#8 private key',
    kind: 'private-key',
    build: () => keyCase((lines) => pem('', lines), pemLines('MC4CAQAwBQYDK2VwBCIEI', 64)),
  },
  {
    name: 'an OpenSSH Ed25519 private key',
    kind: 'private-key',
    build: () => keyCase((lines) => pem('OPENSSH', lines), pemLines('b3BlbnNzaC1rZXktdjEAAAAA', 400)),
  },
  {
    name: 'an encrypted PKCS#8 private key',
    kind: 'private-key',
    build: () => keyCase((lines) => pem('ENCRYPTED', lines), pemLines('MIIFHDBOBgkqhkiG9w0BBQ0w', 1800)),
  },
  {
    name: 'a PGP private key block',
    kind: 'private-key',
    build: () =>
      keyCase(
        (lines) => pem('PGP', ['Version: GnuPG v2', '', ...lines, '=' + random(BASE64, 4)]).replace(/KEY-----/g, 'KEY BLOCK-----'),
        pemLines('lQOYBF', 900),
      ),
  },
  {
    name: 'a PuTTY private key',
    kind: 'private-key',
    build: () => {
      const secret = random(BASE64, 44);
      const text = [
        'PuTTY-User-Key-File-3: ssh-ed25519',
        'Encryption: none',
        'Comment: deploy',
        'Public-Lines: 2',
        random(BASE64, 64),
        random(BASE64, 4),
        'Private-Lines: 1',
        secret,
        `Private-MAC: ${random(HEX, 64)}`,
      ].join('\n');
      return { text, secret };
    },
  },
  {
    name: 'a PEM key behind // comments',
    kind: 'private-key',
    build: () => keyCase((lines) => pem('RSA', lines, '// '), pemLines('MIIEowIBAAKCAQEA', 1600)),
  },
  {
    name: 'a PEM key behind # comments',
    kind: 'private-key',
    build: () => keyCase((lines) => pem('RSA', lines, '# '), pemLines('MIIEowIBAAKCAQEA', 1600)),
  },
  {
    name: 'a PEM key behind * comments',
    kind: 'private-key',
    build: () => keyCase((lines) => `/**\n${pem('RSA', lines, ' * ')}\n */`, pemLines('MIIEowIBAAKCAQEA', 1600)),
  },
];

function withSecret(secret: string, around: (secret: string) => string): { text: string; secret: string } {
  return { text: around(secret), secret };
}

function keyCase(render: (lines: readonly string[]) => string, lines: readonly string[]): { text: string; secret: string } {
  return { text: `const note = 1;\n${render(lines)}\nconst after = 2;`, secret: lines.join('\n') };
}

/** Every piece of the secret long enough to mean something: 6 characters, or the whole of a shorter line. */
function fragments(secret: string): string[] {
  return secret.split('\n').flatMap((line) => {
    if (line.length <= 6) return line.length >= 4 ? [line] : [];
    return Array.from({ length: line.length - 5 }, (_, at) => line.slice(at, at + 6));
  });
}

/** The case's text holds its secret, and after redaction the placeholder of `kind` stands where no piece of it is left. */
async function assertRedactedWhole(kind: string, { text, secret }: { text: string; secret: string }): Promise<void> {
  assert.ok(text.includes(secret.split('\n')[0] ?? ''), 'the case holds its secret');
  const redacted = await redactText(text);
  assert.ok(redacted.text.includes(`[REDACTED:${kind}]`), redacted.text);
  const left = fragments(secret).filter((piece) => redacted.text.includes(piece));
  assert.deepEqual(left, [], redacted.text);
}

describe('R37 redaction of common secret formats', () => {
  for (const { name, kind, build } of CASES) {
    test(`R37 ${name} becomes [REDACTED:${kind}] and no piece of it remains`, async () => {
      await assertRedactedWhole(kind, build());
    });
  }
});

describe('R37 code that only looks like a credential', () => {
  test('R37 declarations, variables, placeholders and marker names are left alone', async () => {
    const pw = join('pass', 'word');
    const code = [
      `interface Login { ${pw}: string; }`,
      `class User:\n    ${pw}: str\n    self.${pw} = ${pw}`,
      `db_${pw} = os.environ["DB_PW"]`,
      `DB_${pw.toUpperCase()}=\${DB_${pw.toUpperCase()}}`,
      `const registry = "https://registry.example.com:8443/@scope/pkg";`,
      `const BEGIN = '-----BEGIN ${PRIVATE_KEY}-----';`,
      `if (text.startsWith(BEGIN)) parse(text);`,
      `const END = '-----END ${PRIVATE_KEY}-----';`,
      `const id = "123e4567-e89b-12d3-a456-426614174000";`,
      `const started = "10:30:00";`,
    ].join('\n');
    const redacted = await redactText(code);
    assert.equal(redacted.text, code);
  });
});

const base64 = (text: string) => Buffer.from(text).toString('base64');
const awsKeyId = () => join('AK', 'IA', random('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16));
/** 40 characters of Base64 with both cases, as AWS secret access keys are. */
const awsSecret = () => random(BASE64, 38) + 'aZ';

const R55_CASES: Case[] = [
  {
    name: 'an AWS secret access key without its name, after its key id',
    kind: 'aws-secret-access-key',
    build: () => withSecret(awsSecret(), (s) => `const credentials = new AWS.Credentials('${awsKeyId()}', '${s}');`),
  },
  {
    name: 'an AWS secret access key on the line after its key id (a CSV export)',
    kind: 'aws-secret-access-key',
    build: () => withSecret(awsSecret(), (s) => `Access key ID,Secret access key\n${awsKeyId()},\n${s}\n`),
  },
  {
    name: 'an AWS secret access key before its key id on one line',
    kind: 'aws-secret-access-key',
    build: () => withSecret(awsSecret(), (s) => `creds = ("${s}", "${awsKeyId()}")`),
  },
  {
    name: 'a Stripe sk_live_ key with a suffix',
    kind: 'stripe-key',
    build: () => withSecret(join('sk', '_live_', random(ALNUM, 99)), (s) => `STRIPE_KEY=${s}_rotated_2024`),
  },
  {
    name: 'a Spring client-secret: in YAML',
    kind: 'secret',
    build: () =>
      withSecret(
        random(ALNUM, 40),
        (s) =>
          `spring:\n  security:\n    oauth2:\n      client:\n        registration:\n          github:\n            client-id: Iv1.abc\n            client-secret: ${s}\n`,
      ),
  },
  {
    name: 'a Spring client-secret= in .properties',
    kind: 'secret',
    build: () => withSecret(random(ALNUM, 40), (s) => `spring.security.oauth2.client.registration.google.client-secret=${s}\n`),
  },
  {
    name: 'a base64 tls.key in a Kubernetes secret',
    kind: 'private-key',
    build: () =>
      withSecret(
        base64(pem('', pemLines('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 1200))),
        (s) => `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.key: ${s}\n`,
      ),
  },
  {
    name: 'a 1Password service account token',
    kind: '1password-token',
    build: () =>
      withSecret(
        join(
          'op',
          's_',
          base64(
            `{"signInAddress":"my.1password.com","userAuth":{"method":"SRPg-4096","email":"${random(HEX, 26)}@1passwordserviceaccounts.com"},"secretKey":"${random(ALNUM, 34)}"}`,
          ),
        ),
        (s) => `export OP_SERVICE_ACCOUNT_TOKEN=${s}`,
      ),
  },
  {
    name: 'an Anthropic sk-ant-admin01- key',
    kind: 'anthropic-api-key',
    build: () => withSecret(join('sk-', 'ant-', 'admin01-', random(BASE64URL, 93), 'AA'), (s) => `ANTHROPIC_ADMIN_KEY="${s}"`),
  },
];

describe('R55 secrets that were still sent', () => {
  for (const { name, kind, build } of R55_CASES) {
    test(`R55 ${name} becomes [REDACTED:${kind}] and no piece of it remains`, async () => {
      await assertRedactedWhole(kind, build());
    });
  }

  test('R55 a base64 certificate (tls.crt) and a Git commit hash next to a key id are left alone', async () => {
    const certificate = base64(
      `-----BEGIN CERTIFICATE-----\n${pemLines('MIIDdzCCAl+gAwIBAgIE', 800).join('\n')}\n-----END CERTIFICATE-----`,
    );
    const text = `data:\n  tls.crt: ${certificate}\ncommit ${random(HEX, 40)} ${awsKeyId()}\n`;
    const redacted = await redactText(text);
    assert.ok(redacted.text.includes(certificate));
    assert.equal(redacted.count, 1, 'only the key id');
  });
});
