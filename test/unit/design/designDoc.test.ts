import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  designDocFileName,
  designDocsFolderRefusal,
  designDocsFolderRefusedMessage,
  designDocsFolderSegments,
  missingDesignSections,
  slugify,
} from '../../../src/core/design/designDoc';

describe('design docs', () => {
  test('slugs are short, lowercase and never a path', () => {
    assert.equal(slugify('REST API for managing projects'), 'rest-api-for-managing-projects');
    assert.equal(slugify('Café Ünïcode'), 'cafe-unicode');
    assert.equal(slugify('!!!'), 'design');
    assert.ok(slugify('x'.repeat(200)).length <= 60);
  });

  test('R09: "../", absolute paths and separators cannot leave the docs folder', () => {
    for (const description of ['../../etc/passwd', '/etc/passwd', 'C:\\Windows\\system32', '..', 'a/../../b', '~/.ssh/id_rsa']) {
      const slug = slugify(description);
      assert.match(slug, /^[a-z0-9-]+$/, description);
      assert.ok(!slug.includes('..') && !slug.includes('/'));
    }
  });

  test('R09: a name that exists gets -2, -3, ...', () => {
    assert.deepEqual(
      [1, 2, 3].map((attempt) => designDocFileName('projects-api', attempt)),
      ['projects-api.md', 'projects-api-2.md', 'projects-api-3.md'],
    );
  });

  test('R09: the docs folder setting cannot point outside the workspace folder', () => {
    assert.deepEqual(designDocsFolderSegments('docs/design'), { segments: ['docs', 'design'], fellBack: false });
    assert.deepEqual(designDocsFolderSegments('./architecture\\decisions/'), { segments: ['architecture', 'decisions'], fellBack: false });
    for (const setting of ['../outside', '/abs/path', 'C:/x', 'a/../../b', '~/docs']) {
      assert.deepEqual(designDocsFolderSegments(setting), { segments: ['docs', 'design'], fellBack: true }, setting);
    }
  });

  test('missing sections are listed in order; the persona format with emoji counts', () => {
    const doc = '## 🔧 API Design: Projects\n## Resource Model\n### Endpoints\n## Data Model\n## Security Considerations\n';
    assert.deepEqual(missingDesignSections(doc), ['## Authorization', '## Performance Considerations', '## Open Questions']);
    assert.deepEqual(missingDesignSections(''), [
      '# API Design: <Resource>',
      '## Resource Model',
      '## Endpoints',
      '## Authorization',
      '## Data Model',
      '## Security Considerations',
      '## Performance Considerations',
      '## Open Questions',
    ]);
  });
});

describe('R57 docs folders Windows reads as something else', () => {
  test('R57: docs/CON/x, docs/x:stream and ".. /x" are refused with a reason; ordinary folders are not', () => {
    assert.match(designDocsFolderRefusal('docs/CON/x') ?? '', /"CON" is a device name on Windows/);
    assert.match(designDocsFolderRefusal('docs/x:stream') ?? '', /"x:stream" holds ":"/);
    assert.match(designDocsFolderRefusal('.. /x') ?? '', /"\.\. " ends with a dot or a space/);
    assert.match(designDocsFolderRefusal('docs\\nul.txt\\x') ?? '', /device name/);
    assert.match(
      designDocsFolderRefusedMessage('docs/CON/x', 'why'),
      /^architect\.designDocs\.folder \("docs\/CON\/x"\) cannot be used: why\. Nothing was saved\.$/,
    );
    // Absolute or climbing settings fall back to the default folder instead (R09).
    for (const fallback of ['C:/x', '../outside', '/abs/path']) assert.equal(designDocsFolderRefusal(fallback), undefined, fallback);
    for (const ok of ['docs/design', './architecture\\decisions/', 'docs/console', 'docs/v1.2/api', 'docs/com10', '']) {
      assert.equal(designDocsFolderRefusal(ok), undefined, ok);
    }
  });

  test('R57: a segment that is a device name in any case and with any extension, or holds a character Windows forbids, is refused', () => {
    const device = fc
      .tuple(fc.constantFrom('con', 'prn', 'aux', 'nul', 'com1', 'lpt9', 'conin$'), fc.constantFrom('', '.md', '.txt.x'))
      .chain(([name, extension]) => fc.mixedCase(fc.constant(name)).map((cased) => cased + extension));
    const forbidden = fc
      .tuple(
        fc.stringMatching(/^[a-z]{1,4}$/),
        fc.constantFrom(':', '<', '>', '"', '|', '?', '*', '\n', '\u0000'),
        fc.stringMatching(/^[a-z]{0,4}$/),
      )
      .map(([a, bad, b]) => a + bad + b);
    const trailing = fc.tuple(fc.stringMatching(/^[a-z][a-z.]{0,3}$/), fc.constantFrom('.', ' ', '. ')).map(([a, end]) => a + end);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,6}$/), fc.oneof(device, forbidden, trailing), (parent, bad) => {
        return designDocsFolderRefusal(`${parent}/${bad}/x`) !== undefined;
      }),
    );
  });
});
