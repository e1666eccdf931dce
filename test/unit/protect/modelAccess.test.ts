import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  accessRefusalReason,
  decideModelAccess,
  normalizePath,
  type AccessFacts,
  type RefusedAccess,
} from '../../../src/core/protect/modelAccess';

const DEFAULTS = ['.env', '.env.*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/*.p12'];
const WS = '/home/dev/api';

function facts(namedPath: string, realPath: string | undefined, more: Partial<AccessFacts> = {}): AccessFacts {
  return {
    namedPath,
    realPath,
    folders: [{ path: WS, realPath: WS }],
    exclude: DEFAULTS,
    origin: 'model',
    ignoreCase: false,
    ...more,
  };
}

describe('the gate for bytes bound to a model', () => {
  test('R35: a link inside the workspace to an excluded file is refused, and says it is a link', () => {
    const verdict = decideModelAccess(facts(`${WS}/src/env-link.ts`, `${WS}/.env`));
    assert.deepEqual(verdict, {
      allowed: false,
      why: 'excluded',
      pattern: '.env',
      exclusion: { pattern: '.env', cause: 'matches' },
      throughLink: true,
    });
    assert.equal(
      accessRefusalReason(verdict as RefusedAccess),
      'it is a link to a file that matches the exclusion pattern ".env" (setting architect.exclude)',
    );
  });

  test('R35: a link to a file outside the workspace is refused, for the user as for the model', () => {
    for (const origin of ['user', 'model'] as const) {
      assert.deepEqual(decideModelAccess(facts(`${WS}/src/notes.ts`, '/home/dev/other/notes.ts', { origin })), {
        allowed: false,
        why: 'link-leaves-workspace',
      });
    }
  });

  test('R35: a file under a linked folder that leads out of the workspace is refused', () => {
    // src/vendor -> /opt/shared: the file itself is no link, a folder on its path is.
    assert.deepEqual(decideModelAccess(facts(`${WS}/src/vendor/config.ts`, '/opt/shared/config.ts')), {
      allowed: false,
      why: 'link-leaves-workspace',
    });
  });

  test('R35: a link to the home folder is refused, and a key under it is refused as excluded', () => {
    assert.deepEqual(decideModelAccess(facts(`${WS}/home/notes.txt`, '/home/dev/notes.txt')), {
      allowed: false,
      why: 'link-leaves-workspace',
    });
    assert.deepEqual(decideModelAccess(facts(`${WS}/src/key.txt`, '/home/dev/.ssh/id_rsa')), {
      allowed: false,
      why: 'excluded',
      pattern: '**/id_rsa*',
      exclusion: { pattern: '**/id_rsa*', cause: 'matches' },
      throughLink: true,
    });
  });

  test('R35: a link inside the workspace to an allowed file is allowed', () => {
    assert.deepEqual(decideModelAccess(facts(`${WS}/src/db-link.ts`, `${WS}/src/db.ts`)), { allowed: true });
    assert.deepEqual(decideModelAccess(facts(`${WS}/src/db.ts`, `${WS}/src/db.ts`)), { allowed: true });
  });

  test('R35: the excluded name is matched whatever its case, through a link or not', () => {
    assert.deepEqual(decideModelAccess(facts(`${WS}/src/config.ts`, `${WS}/.ENV`)), {
      allowed: false,
      why: 'excluded',
      pattern: '.env',
      exclusion: { pattern: '.env', cause: 'matches' },
      throughLink: true,
    });
    assert.deepEqual(decideModelAccess(facts(`${WS}/Certs/Server.PEM`, `${WS}/Certs/Server.PEM`)), {
      allowed: false,
      why: 'excluded',
      pattern: '**/*.pem',
      exclusion: { pattern: '**/*.pem', cause: 'matches' },
      throughLink: false,
    });
  });

  test('R35: on a file system that ignores case, a differently cased path is still inside', () => {
    const insensitive = facts('/C:/Work/API/src/a.ts', '/C:/Work/API/src/a.ts', {
      folders: [{ path: '/c:/work/api', realPath: '/c:/work/api' }],
    });
    assert.deepEqual(decideModelAccess({ ...insensitive, ignoreCase: true }), { allowed: true });
    assert.deepEqual(decideModelAccess(insensitive), { allowed: false, why: 'outside-workspace' });
  });

  test('R35: a link whose target cannot be known is refused', () => {
    assert.deepEqual(decideModelAccess(facts(`${WS}/src/a.ts`, undefined)), { allowed: false, why: 'unresolvable-link' });
  });

  test('R35: a workspace folder that is itself a link holds its real files', () => {
    const folders = [{ path: '/home/dev/link-to-api', realPath: '/srv/api' }];
    assert.deepEqual(decideModelAccess(facts('/home/dev/link-to-api/src/a.ts', '/srv/api/src/a.ts', { folders })), { allowed: true });
    assert.deepEqual(decideModelAccess(facts('/home/dev/link-to-api/src/a.ts', '/srv/api/.env', { folders })), {
      allowed: false,
      why: 'excluded',
      pattern: '.env',
      exclusion: { pattern: '.env', cause: 'matches' },
      throughLink: true,
    });
  });

  test('the model may not name a file outside the workspace; a person may attach one', () => {
    assert.deepEqual(decideModelAccess(facts('/etc/hosts', '/etc/hosts')), { allowed: false, why: 'outside-workspace' });
    assert.deepEqual(decideModelAccess(facts('/etc/hosts', '/etc/hosts', { origin: 'user' })), { allowed: true });
    // Without any folder open, attachments are all outside, and exclusions still hold on the whole path.
    assert.deepEqual(decideModelAccess(facts('/home/dev/.env', '/home/dev/.env', { origin: 'user', folders: [] })), {
      allowed: false,
      why: 'excluded',
      pattern: '.env',
      exclusion: { pattern: '.env', cause: 'matches' },
      throughLink: false,
    });
  });

  test('a sibling folder that shares a prefix is not inside', () => {
    assert.deepEqual(decideModelAccess(facts(`${WS}/src/a.ts`, '/home/dev/api-old/src/a.ts')), {
      allowed: false,
      why: 'link-leaves-workspace',
    });
  });

  test('dots in paths are resolved before anything is compared', () => {
    assert.equal(normalizePath('/a/./b/../c/'), '/a/c');
    assert.equal(normalizePath('C:\\work\\api\\..\\x'), '/C:/work/x');
    assert.deepEqual(decideModelAccess(facts(`${WS}/src/../../secrets.txt`, '/home/dev/secrets.txt')), {
      allowed: false,
      why: 'outside-workspace',
    });
  });
});
