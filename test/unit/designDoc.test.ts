import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { designDocFileName, designDocsFolderSegments, missingDesignSections, slugify } from '../../src/core/design/designDoc';

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
