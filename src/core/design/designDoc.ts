import { english, type Translate } from '../i18n';
import { DESIGN_DOC_SECTIONS } from '../prompt/tasks';
import { inertName } from '../protect/inertName';
import { type RefusedAccess } from '../protect/modelAccess';
import { normalizeRelativePath } from '../text';

/** Windows opens a device, not a file, for these names whatever the extension: `con.md` is the console. */
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
/** The same for a folder name typed by a person, in any case, with the superscript digits Windows also reads. */
const WINDOWS_DEVICE_SEGMENT = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Characters Windows refuses in a name, and the control characters; ':' also names an alternate data stream.
// eslint-disable-next-line no-control-regex
const WINDOWS_FORBIDDEN = /[<>:"|?*\u0000-\u001F]/;

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

/**
 * Why the docs folder setting cannot be used as it is, or undefined. A folder that leaves the workspace
 * falls back to the default (R09); one that names a Windows device (`docs/CON/x`), an alternate data
 * stream (`docs/x:stream`) or ends a segment with a dot or a space (`.. /x`, which Windows reads as
 * `..`) is refused outright: written on Windows it would open something else, so nothing is written.
 */
export function designDocsFolderRefusal(setting: string, t: Translate = english): string | undefined {
  // An absolute or climbing setting is not used at all: R09's fallback to the default applies.
  if (designDocsFolderSegments(setting).fellBack) return undefined;
  for (const segment of setting.trim().replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.' || segment === '..') continue;
    const forbidden = WINDOWS_FORBIDDEN.exec(segment)?.[0];
    if (forbidden !== undefined)
      return t('"{0}" holds "{1}", which Windows does not allow in a folder name', inertName(segment), inertName(forbidden));
    if (/[. ]$/.test(segment)) return t('"{0}" ends with a dot or a space, which Windows drops', inertName(segment));
    if (WINDOWS_DEVICE_SEGMENT.test((segment.split('.')[0] ?? '').trimEnd()))
      return t('"{0}" is a device name on Windows, not a folder', inertName(segment));
  }
  return undefined;
}

/**
 * Why the docs folder cannot be written into, from where it really is (the engine resolves its links):
 * a folder named inside the workspace that is, or lies under, a link to somewhere else would put the
 * document there (R57).
 */
export function designDocsFolderPlaceRefusal(verdict: RefusedAccess, t: Translate = english): string {
  switch (verdict.why) {
    case 'link-leaves-workspace':
      return t('it leads outside the workspace folder through a symbolic link');
    case 'unresolvable-link':
      return t('it goes through a symbolic link whose target cannot be checked');
    case 'outside-workspace':
    case 'excluded': // never for a write, which excludes nothing; outside is what it would mean
      return t('it is outside the workspace folder');
  }
}

/** The message a person sees when the docs folder setting is refused: nothing was written. */
export function designDocsFolderRefusedMessage(setting: string, reason: string, t: Translate = english): string {
  return t('architect.designDocs.folder ("{0}") cannot be used: {1}. Nothing was saved.', inertName(setting), reason);
}

/**
 * How the title of each required section starts (after any emoji or "3."), in the order of
 * `DESIGN_DOC_SECTIONS`, the sections the design task asks for: one pattern per section.
 */
const SECTION_TITLES = [
  /^API Design\b/i,
  /^Resource Model/i,
  /^(Endpoints|Endpoint Design)/i,
  /^Authori[sz]ation/i,
  /^Data Model/i,
  /^Security Considerations/i,
  /^Performance Considerations/i,
  /^Open Questions/i,
] as const satisfies { readonly length: (typeof DESIGN_DOC_SECTIONS)['length'] };

/** The document's title (the first section) is a heading of level 1 or 2; every other section, of level 2 to 4. */
function sectionLevels(index: number): readonly [number, number] {
  return index === 0 ? [1, 2] : [2, 4];
}

/** Long enough for any section title; the rest of a heading line is never looked at (RELIABILITY R33). */
const TITLE_LOOKED_AT = 64;

/** The required sections a design document lacks, in document order. Linear in the document. */
export function missingDesignSections(document: string): string[] {
  const found = new Set<string>();
  for (const line of document.split(/\r\n|[\r\n\u2028\u2029]/)) {
    const heading = headingOf(line);
    if (heading === undefined) continue;
    DESIGN_DOC_SECTIONS.forEach((name, index) => {
      const [lowest, highest] = sectionLevels(index);
      if (heading.level >= lowest && heading.level <= highest && SECTION_TITLES[index]?.test(heading.title)) found.add(name);
    });
  }
  return DESIGN_DOC_SECTIONS.filter((name) => !found.has(name));
}

/** "## 🔧 3. Resource Model" → level 2, "Resource Model": one pass, no backtracking. */
function headingOf(line: string): { level: number; title: string } | undefined {
  let level = 0;
  while (line[level] === '#') level++;
  if (level === 0 || level > 4 || !/\s/.test(line[level] ?? '')) return undefined;
  let at = level;
  while (at < line.length && !/\w/.test(line[at] ?? '')) at++;
  let digits = at;
  while (/[0-9]/.test(line[digits] ?? '')) digits++;
  if (digits > at && line[digits] === '.') {
    at = digits + 1;
    while (at < line.length && /\s/.test(line[at] ?? '')) at++;
  }
  return { level, title: line.slice(at, at + TITLE_LOOKED_AT) };
}

export function missingSectionsWarning(missing: readonly string[], t: Translate = english): string {
  return t(
    'The design document is missing {0} section(s): {1}.',
    missing.length,
    missing.map((name) => name.replace(/^#+\s*/, '')).join(', '),
  );
}
