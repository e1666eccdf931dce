import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { redactText } from '../../../src/core/redact/findSecrets';
import { hasSecretShape } from '../../../src/core/redact/secretShape';

// Credentials that an earlier, less precise redactor hid and that must stay hidden while real code
// that only names passwords is sent as written. Values are joined from parts so that no scanner of
// this repository mistakes the test for a leak.
const VALUE = ['hunter2', '-Prod!'].join('');
const pw = ['pass', 'word'].join('');
const PW = pw.toUpperCase();

async function leaks(text: string, path: string, value: string): Promise<string[]> {
  const redacted = await redactText(text, { path });
  return redacted.text.split('\n').filter((line) => line.includes(value));
}

async function assertRedacted(text: string, path: string, value = VALUE): Promise<void> {
  assert.deepEqual(await leaks(text, path, value), [], `${path}: ${text}`);
}

describe('R58 a key after a sigil is still a key', () => {
  test('R58 $password in PHP, PowerShell and Perl is redacted', async () => {
    await assertRedacted(`<?php\n$${pw} = '${VALUE}';\n`, 'login.php');
    await assertRedacted(`define('DB_NAME', 'wp');\n$db_${pw} = '${VALUE}';\n`, 'wp-config.php');
    await assertRedacted(`$${pw} = "${VALUE}"\n`, 'deploy.ps1');
    await assertRedacted(`my $${pw} = '${VALUE}';\n`, 'backup.pl');
  });
});

describe('R58 a key that names a copy of a password is still a key', () => {
  test('R58 DB_PASSWORD_PROD and password_prod in Python are redacted', async () => {
    await assertRedacted(`DB_${PW}_PROD = "${VALUE}"\n`, 'settings.py');
    await assertRedacted(`${pw}_prod = "${VALUE}"\n`, 'settings.py');
    await assertRedacted(`${pw}_1 = "${VALUE}"\n`, 'settings.py');
    await assertRedacted(`smtp_${pw}_enc = "${VALUE}"\n`, 'settings.py');
  });
});

describe('R58 config text held in code is read as config', () => {
  test('R58 a .env block in a Python triple-quoted string is redacted', async () => {
    await assertRedacted(`ENV_FILE = """\nDB_${PW}=${VALUE}\n"""\n`, 'conftest.py');
  });
  test('R58 a .env block in a template literal is redacted', async () => {
    await assertRedacted(`const env = \`\nDB_${PW}=${VALUE}\n\`;\n`, 'env.ts');
  });
  test('R58 a YAML template in TypeScript is redacted', async () => {
    const value = ['hunter2', '-Prod'].join('');
    const yaml = ['const compose = `', 'services:', '  db:', '    environment:', `      POSTGRES_${PW}: ${value}`, '`;', ''];
    await assertRedacted(yaml.join('\n'), 'compose.ts', value);
  });
});

describe('R58 a passphrase is a credential, a UI label is not', () => {
  const phrase = ['correct', 'horse', 'battery', 'staple'].join(' ');
  test('R58 a passphrase in .env and in code is redacted', async () => {
    await assertRedacted(`DB_${PW}=${phrase}\n`, '.env', phrase);
    await assertRedacted(`${pw} = "${phrase}"\n`, 'settings.py', phrase);
    await assertRedacted(`${PW} = "Prod Pass"\n`, 'settings.py', 'Prod Pass');
    await assertRedacted(`${pw}: ${phrase}\n`, 'values.yaml', phrase);
  });
  test('R58 UI text after a password key in code is sent as written; in config it is a value', async () => {
    for (const label of ['Show password', 'Hide password', 'Enter your password', 'Too short.']) {
      const line = `const ${pw} = "${label}";\n`;
      assert.equal((await redactText(line, { path: 'form.tsx' })).text, line, label);
      assert.equal((await redactText(`${pw}: ${label}\n`, { path: 'values.yaml' })).count, 1, label);
    }
  });
});

describe('R58 a value is a placeholder only when all of it is', () => {
  test('R58 a value that starts with { or holds ${ is redacted', async () => {
    await assertRedacted(`${pw} = "{Xk9!pq}"\n`, 'settings.py', '{Xk9!pq}');
    await assertRedacted(`${pw} = "ab\${x}Qz9!"\n`, 'settings.py', 'Qz9!');
  });
  test('R58 a whole placeholder is left as written', async () => {
    for (const value of ['${DB_PASSWORD}', '{{ .Values.pw }}', '<password>', '%(pw)s', '{pw}', '****'])
      assert.equal((await redactText(`${pw} = "${value}"\n`, { path: 'settings.py' })).count, 0, value);
  });
});

describe('R58 a word that holds the key word is still a credential', () => {
  test('R58 password = "adminpassword" is redacted', async () => {
    await assertRedacted(`${pw} = "admin${pw}"\n`, 'settings.py', `admin${pw}`);
  });
});

describe('R58 a common password reused is redacted everywhere', () => {
  test('R58 letters then digits is the shape of a secret', () => {
    for (const value of ['Summer2024', 'letmein123', 'password12']) assert.ok(hasSecretShape(value), value);
    for (const value of ['password1', 'settings.DB_PASSWORD', 'changethis']) assert.ok(!hasSecretShape(value), value);
  });
  test('R58 Summer2024 under a second key in .env, and letmein123 passed to a call, are redacted', async () => {
    const season = ['Summer', '2024'].join('');
    await assertRedacted(`DB_${PW}=${season}\nMYSQL_ROOT=${season}\n`, '.env', season);
    const common = ['letmein', '123'].join('');
    await assertRedacted(`${pw} = "${common}"\nlogin("admin", "${common}")\n`, 'client.py', common);
  });
});

describe('R58 more places a credential is written in code', () => {
  test('R58 a default of an environment lookup, a typed declaration and an index are redacted', async () => {
    await assertRedacted(`db = os.getenv("DB_${PW}", "${VALUE}")\n`, 'settings.py');
    await assertRedacted(`    ${pw}: str = "${VALUE}"\n`, 'settings.py');
    await assertRedacted(`const ${pw}: string = "${VALUE}";\n`, 'config.ts');
    await assertRedacted(`config["${pw}"] = "${VALUE}"\n`, 'settings.py');
  });
  test('R58 ENV and ARG in a Dockerfile are redacted', async () => {
    await assertRedacted(`FROM postgres:16\nENV DB_${PW}=${VALUE}\n`, 'Dockerfile');
    await assertRedacted(`ARG DB_${PW}=${VALUE}\n`, 'Dockerfile');
  });
});
