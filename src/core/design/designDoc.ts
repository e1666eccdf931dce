import { english, type Translate } from '../i18n';
import { normalizeRelativePath } from '../text';

/** Windows opens a device, not a file, for these names whatever the extension: `con.md` is the console. */
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** "REST API for managing projects" → "rest-api-for-managing-projects"; never empty, never a path. */
export function slugify(description: string): string {
  const slug = description
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  if (slug === '') return 'design';
  return WINDOWS_DEVICE_NAME.test(slug) ? `${slug}-doc` : slug;
}

/** `slug.md`, then `slug-2.md`, `slug-3.md`, ...: the name of the n-th attempt to find a free file. */
export function designDocFileName(slug: string, attempt: number): string {
  return attempt <= 1 ? `${slug}.md` : `${slug}-${attempt}.md`;
}

export const DEFAULT_DESIGN_DOCS_FOLDER = 'docs/design';

/**
 * The docs folder as path segments inside the workspace folder. The setting is relative to the folder;
 * an absolute path or one that climbs out with ".." falls back to the default (RELIABILITY R09).
 */
export function designDocsFolderSegments(setting: string): { segments: string[]; fellBack: boolean } {
  const raw = setting.trim().replace(/\\/g, '/');
  const absolute = raw.startsWith('/') || /^[a-zA-Z]:/.test(raw) || raw.startsWith('~');
  const segments = normalizeRelativePath(raw)
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.');
  if (raw === '' || absolute || segments.some((segment) => segment === '..')) {
    return { segments: DEFAULT_DESIGN_DOCS_FOLDER.split('/'), fellBack: raw !== '' };
  }
  return { segments, fellBack: false };
}

const SECTION_CHECKS: ReadonlyArray<{ readonly name: string; readonly pattern: RegExp }> = [
  { name: '# API Design: <Resource>', pattern: /^#{1,2}\s+\W*\s*API Design\b/im },
  { name: '## Resource Model', pattern: /^#{2,4}\s+\W*\s*(\d+\.\s*)?Resource Model/im },
  { name: '## Endpoints', pattern: /^#{2,4}\s+\W*\s*(\d+\.\s*)?(Endpoints|Endpoint Design)/im },
  { name: '## Authorization', pattern: /^#{2,4}\s+\W*\s*(\d+\.\s*)?Authori[sz]ation/im },
  { name: '## Data Model', pattern: /^#{2,4}\s+\W*\s*(\d+\.\s*)?Data Model/im },
  { name: '## Security Considerations', pattern: /^#{2,4}\s+\W*\s*(\d+\.\s*)?Security Considerations/im },
  { name: '## Performance Considerations', pattern: /^#{2,4}\s+\W*\s*(\d+\.\s*)?Performance Considerations/im },
  { name: '## Open Questions', pattern: /^#{2,4}\s+\W*\s*(\d+\.\s*)?Open Questions/im },
];

/** The required sections a design document lacks, in document order. */
export function missingDesignSections(document: string): string[] {
  return SECTION_CHECKS.filter((section) => !section.pattern.test(document)).map((section) => section.name);
}

export function missingSectionsWarning(missing: readonly string[], t: Translate = english): string {
  return t(
    'The design document is missing {0} section(s): {1}.',
    missing.length,
    missing.map((name) => name.replace(/^#+\s*/, '')).join(', '),
  );
}
