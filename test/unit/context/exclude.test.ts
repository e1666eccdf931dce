import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_EXCLUDE, excludingPattern } from '../../../src/core/context/exclude';
import { designDocFileName, slugify } from '../../../src/core/design/designDoc';
import { repoRoot } from '../support/helpers';

const isExcluded = (path: string, patterns: readonly string[]) => excludingPattern(path, patterns) !== undefined;

interface Manifest {
  contributes: {
    configuration: Array<{ properties: Record<string, { default?: unknown }> }> | { properties: Record<string, { default?: unknown }> };
  };
}

function manifestExcludeDefault(): unknown {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  const sections = [manifest.contributes.configuration].flat();
  return sections.find((section) => 'architect.exclude' in section.properties)?.properties['architect.exclude']?.default;
}

describe('R38 default exclusions', () => {
  test('R38 credential files are excluded by default, in any folder', () => {
    const defaults = manifestExcludeDefault() as string[];
    for (const file of [
      'prod.env',
      'deploy/staging.env',
      '.envrc',
      'app/.envrc',
      '.npmrc',
      'packages/web/.npmrc',
      '.netrc',
      'home/_netrc',
      '.pgpass',
      'home/user/.pgpass',
      '.git-credentials',
      '.aws/credentials',
      'home/user/.aws/credentials',
      '.kube/config',
      'ops/.kube/config',
      '.docker/config.json',
      'ci/.docker/config.json',
      'terraform.tfstate',
      'infra/prod/terraform.tfstate',
      'infra/terraform.tfstate.backup',
      'certs/client.pfx',
      'android/release.jks',
      'keys/server.ppk',
      'id_ed25519',
      '.ssh/id_ed25519',
      'home/user/.ssh/id_ecdsa',
      '.env',
      'certs/server.pem',
      'home/.ssh/id_rsa',
    ]) {
      assert.ok(isExcluded(file, defaults), file);
    }
    for (const file of [
      'src/env.ts',
      'src/environment.ts',
      'docs/aws-credentials.md',
      'src/kube/config.ts',
      'docker/config.json',
      'src/netrc.ts',
    ]) {
      assert.ok(!isExcluded(file, defaults), file);
    }
  });

  test('R38 the manifest default of architect.exclude is the list the core knows', () => {
    assert.deepEqual(manifestExcludeDefault(), [...DEFAULT_EXCLUDE]);
  });
});

describe('R56 more credential files excluded by default', () => {
  test('R56: .pypirc, .htpasswd, kubeconfig, service-account*.json, credentials.json, *.asc, *.gpg, *.keystore are excluded in any folder', () => {
    const defaults = manifestExcludeDefault() as string[];
    for (const file of [
      '.pypirc',
      'home/user/.pypirc',
      '.htpasswd',
      'web/admin/.htpasswd',
      'kubeconfig',
      'deploy/kubeconfig',
      'deploy/prod.kubeconfig',
      'ops/kubeconfig.yaml',
      'service-account.json',
      'gcp/service-account-prod.json',
      'credentials.json',
      'app/oauth/credentials.json',
      'keys/release.asc',
      'backup/secrets.gpg',
      'android/app/release.keystore',
      'KEYS/RELEASE.KEYSTORE',
    ]) {
      assert.ok(isExcluded(file, defaults), file);
    }
    for (const file of ['src/kubeconfig.ts', 'src/credentials.ts', 'docs/service-accounts.md', 'src/gpg/sign.ts', 'lib/ascii.ts']) {
      assert.ok(!isExcluded(file, defaults), file);
    }
  });

  test('R56: the default list keeps every entry of the minimum the product promises', () => {
    for (const minimum of ['.env', '.env.*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/*.p12'])
      assert.ok(DEFAULT_EXCLUDE.includes(minimum), minimum);
  });
});

describe('R41 Windows names', () => {
  test('R41 an alternate data stream or trailing dots and spaces name the excluded file itself', () => {
    const patterns = ['**/*.pem', '.env'];
    for (const path of [
      'certs/server.pem::$DATA',
      'certs/server.pem:secret:$DATA',
      'certs/server.pem.',
      'certs/server.pem. . ',
      'certs\\server.pem::$DATA',
      '.env.',
      'app/.env::$DATA',
      'app/.env ',
    ]) {
      assert.ok(isExcluded(path, patterns), path);
    }
    assert.ok(isExcluded('keys./server.pem', ['keys/**']), 'a folder with a trailing dot is the folder itself');
    assert.ok(!isExcluded('certs/server.pem.ts', patterns));
    assert.ok(!isExcluded('src/env.ts', patterns));
  });

  test('R41 a file name with a colon is still matched as written, where it is a real name', () => {
    assert.ok(isExcluded('notes/a:b.pem', ['**/*.pem']));
  });

  test('R41 a device name such as CON, NUL or COM1 never becomes a design-doc file name', () => {
    const devices = ['CON', 'con', 'Prn', 'AUX', 'nul', 'NUL.md', 'Con.txt', 'COM1', 'com9', 'LPT1', 'lpt9', ' aux ', 'COM¹'];
    for (const description of devices) {
      const name = designDocFileName(slugify(description), 1);
      assert.doesNotMatch(name, /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i, `${description} → ${name}`);
      assert.match(name, /^[a-z0-9-]+\.md$/);
    }
    assert.equal(slugify('CON'), 'con-doc');
    assert.equal(slugify('console'), 'console', 'only the exact device names change');
    assert.equal(slugify('COM10'), 'com10');
  });
});

// Found by the adversarial review of the bounded globs: patterns the user reasonably writes that matched
// nothing, so the files they name were sent.
describe('R43 exclusion patterns mean what a person writing them means', () => {
  test('R43: a folder pattern excludes the files in the folder, with or without **/, a leading / or a trailing /', () => {
    for (const pattern of ['secrets', '**/secrets', 'secrets/', '/secrets', '/secrets/**', './secrets'])
      assert.ok(isExcluded('secrets/key.txt', [pattern]), pattern);
    assert.ok(isExcluded('app/secrets/deep/key.txt', ['secrets']));
    assert.ok(isExcluded('app/secrets/deep/key.txt', ['**/secrets']));
    // A leading slash anchors at the folder's root, like a slash inside the pattern.
    assert.ok(!isExcluded('app/secrets/key.txt', ['/secrets']));
    assert.ok(!isExcluded('src/secrets.ts', ['secrets']));
    assert.ok(!isExcluded('src/mysecrets/key.txt', ['secrets']));
  });

  test('R43: a slash inside one {…} alternative does not anchor the others', () => {
    assert.ok(isExcluded('app/server.pem', ['{*.pem,keys/**}']));
    assert.ok(isExcluded('keys/a.txt', ['{*.pem,keys/**}']));
    assert.ok(isExcluded('api/.env', ['{.env,config/secret.json}']));
    assert.ok(isExcluded('config/secret.json', ['{.env,config/secret.json}']));
    assert.ok(!isExcluded('app/config/readme.md', ['{.env,config/secret.json}']));
  });

  test('R43: a refused pattern behind **/ (a negation or an extglob) still excludes every file, never none', () => {
    for (const pattern of ['**/!secret*', '**/*.@(pem|key)'])
      for (const file of ['a/!secret.txt', 'src/app.ts']) assert.ok(isExcluded(file, [pattern]), `${pattern} ${file}`);
  });

  test('R43: names match in composed and decomposed Unicode alike', () => {
    assert.ok(isExcluded('cafe\u0301/k.txt', ['caf\u00e9/**']));
    assert.ok(isExcluded('caf\u00e9/k.txt', ['cafe\u0301/**']));
  });
});
