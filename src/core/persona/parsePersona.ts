import { normalizeMarkdown, readFrontMatter } from '../frontMatter';
import { english, type Translate } from '../i18n';
import { utf8ByteLength } from '../text';
import { type Persona, type PersonaParseResult, type PersonaProblem, type PersonaSource } from './persona';
import { KNOWN_KEYS, MAX_BODY_BYTES, PERSONA_ID_PATTERN, personaFrontMatterSchema } from './personaSchema';

const MAX_FRONT_MATTER_BYTES = 16 * 1024;

/**
 * Parses and validates one persona file. Never throws for bad input: every problem comes back as data,
 * with the 1-based line of the offending key where there is one.
 */
export function parsePersona(text: string, fileName: string, source: PersonaSource, t: Translate = english): PersonaParseResult {
  const id = idFromFileName(fileName);
  const fail = (problems: PersonaProblem[], ownId = id): PersonaParseResult => ({ ok: false, id: ownId, problems });
  const normalized = normalizeMarkdown(text);
  const split = splitFrontMatter(normalized, t);
  if ('problem' in split) return fail([split.problem]);
  let data: unknown;
  let body: string;
  try {
    ({ data, body } = readFrontMatter(normalized));
  } catch (error) {
    return fail([yamlProblem(error, t)]);
  }
  if (!isPlainObject(data)) {
    return fail([{ message: t('The front matter must be a list of "key: value" lines (name, description, ...).'), line: 2 }]);
  }
  const frontMatterLines = split.frontMatterText.split('\n');
  const ownId = typeof data['id'] === 'string' && PERSONA_ID_PATTERN.test(data['id']) ? data['id'] : id;
  const parsed = personaFrontMatterSchema().safeParse(data);
  const problems = [
    ...(parsed.success ? [] : schemaProblems(parsed.error.issues, data, frontMatterLines, t)),
    ...bodyProblems(body, frontMatterLines.length + 2, t),
  ];
  if (problems.length > 0 || !parsed.success) return fail(problems, ownId);
  const frontMatter = parsed.data;
  const persona: Persona = {
    id: frontMatter.id ?? id,
    name: frontMatter.name,
    description: frontMatter.description,
    body: body.trim(),
    models: asList(frontMatter.model, false),
    tools: asList(frontMatter.tools, true),
    source,
  };
  const known: readonly string[] = KNOWN_KEYS;
  return { ok: true, persona, ignoredKeys: Object.keys(data).filter((key) => !known.includes(key)) };
}

/** The front matter's text, checked before any parser sees it: YAML only, closed, not too large. */
function splitFrontMatter(normalized: string, t: Translate): { frontMatterText: string } | { problem: PersonaProblem } {
  const firstLineEnd = normalized.indexOf('\n');
  const firstLine = firstLineEnd === -1 ? normalized : normalized.slice(0, firstLineEnd);
  // Each of these problems is on the first line, the one that opens the front matter.
  const problem = (message: string) => ({ problem: { message, line: 1 } });
  if (!/^---(?!-)/.test(firstLine))
    return problem(t('No front matter: a persona file starts with a --- block that sets name and description.'));
  const language = firstLine.slice(3).trim();
  if (language !== '' && !/^ya?ml$/i.test(language))
    return problem(t('Front matter in "{0}" is not allowed: only YAML is read, and no code is ever run.', language));
  const closing = normalized.indexOf('\n---', firstLine.length);
  if (closing === -1) return problem(t('The front matter is not closed: add a line with --- after it.'));
  const frontMatterText = normalized.slice(firstLine.length, closing);
  if (utf8ByteLength(frontMatterText) > MAX_FRONT_MATTER_BYTES)
    return problem(t('The front matter is larger than {0} KiB.', MAX_FRONT_MATTER_BYTES / 1024));
  return { frontMatterText };
}

function schemaProblems(
  issues: ReadonlyArray<{ readonly path: readonly PropertyKey[]; readonly code: string }>,
  data: Record<string, unknown>,
  frontMatterLines: readonly string[],
  t: Translate,
): PersonaProblem[] {
  return issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    return { message: describeIssue(key, issue.code, data[key], t), line: key in data ? keyLine(frontMatterLines, key) : 1 };
  });
}

function bodyProblems(body: string, bodyLine: number, t: Translate): PersonaProblem[] {
  if (body.trim() === '') return [{ message: t('The persona has no instructions: write them below the front matter.'), line: bodyLine }];
  if (utf8ByteLength(body) > MAX_BODY_BYTES) {
    return [{ message: t('The persona body is larger than {0} KiB; shorten it.', MAX_BODY_BYTES / 1024), line: bodyLine }];
  }
  return [];
}

/** `api-reviewer.agent.md` → `api-reviewer`; anything not slug-safe is folded into one. */
export function idFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/(\.agent)?\.md$/i, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 64);
  return slug === '' ? 'persona' : slug;
}

function asList(value: string | string[] | undefined, splitCommas: boolean): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : splitCommas ? value.split(',') : [value];
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

function yamlProblem(error: unknown, t: Translate): PersonaProblem {
  const mark = (error as { mark?: { line?: unknown } } | null)?.mark;
  const reason = (error as { reason?: unknown } | null)?.reason;
  const text = typeof reason === 'string' ? reason : error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  if (text === 'code front matter refused') {
    return { message: t('Front matter in code is not allowed: only YAML is read, and no code is ever run.'), line: 1 };
  }
  // js-yaml counts lines from the text after the opening `---`, which starts with that line's end.
  const line = typeof mark?.line === 'number' ? mark.line + 1 : 1;
  return { message: t('The front matter is not valid YAML: {0}.', text), line };
}

function describeIssue(key: string, code: string, value: unknown, t: Translate): string {
  if (value === undefined) return t('"{0}" is required.', key);
  switch (code) {
    case 'too_big':
      return t('"{0}" is too long: at most {1} characters.', key, key === 'name' ? 80 : 500);
    case 'too_small':
      return t('"{0}" must not be empty.', key);
    case 'invalid_format':
      return t('"{0}" must be a slug: lowercase letters, digits, ".", "_" or "-", at most 64 characters.', key);
    default:
      return t('"{0}" must be {1}, not {2}.', key, expectedOf(key, t), describeType(value, t));
  }
}

function expectedOf(key: string, t: Translate): string {
  return key === 'model' || key === 'tools' ? t('text or a list of text') : t('text');
}

function describeType(value: unknown, t: Translate): string {
  if (value === null) return t('empty');
  if (Array.isArray(value)) return t('a list');
  if (typeof value === 'object') return t('a mapping');
  if (typeof value === 'number') return t('a number');
  if (typeof value === 'boolean') return t('true/false');
  return typeof value;
}

function keyLine(frontMatterLines: readonly string[], key: string): number {
  const pattern = new RegExp(`^(["']?)${key}\\1\\s*:`);
  const index = frontMatterLines.findIndex((line) => pattern.test(line));
  return index === -1 ? 1 : index + 1;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
