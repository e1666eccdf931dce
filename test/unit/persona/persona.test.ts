import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { idFromFileName, parsePersona } from '../../../src/core/persona/parsePersona';
import { buildCatalog, chooseActivePersona } from '../../../src/core/persona/resolvePersonas';
import { type PersonaParseResult, type PersonaSource } from '../../../src/core/persona/persona';
import { securityChecklist, diagnosticSteps } from '../../../src/core/persona/personaSections';
import { repoRoot, shippedPersona, shippedPersonaText } from '../support/helpers';

const workspace: PersonaSource = { kind: 'workspace', uri: 'file:///ws/.github/architect/p.md', label: '.github/architect/p.md' };
const parse = (text: string, file = 'p.md') => parsePersona(text, file, workspace);
const problems = (result: PersonaParseResult) => (result.ok ? [] : result.problems);
const valid = '---\nname: API Reviewer\ndescription: Reviews APIs\n---\nYou review APIs.\n';

describe('persona parsing', () => {
  test('the shipped persona parses with name "Backend Architect" and id backend-architect', () => {
    const persona = shippedPersona();
    assert.equal(persona.name, 'Backend Architect');
    assert.equal(persona.id, 'backend-architect');
    assert.match(persona.body, /Dr\. Marcus Rivera/);
  });

  test('the shipped persona exposes its security checklist and diagnostic approach', () => {
    const body = shippedPersona().body;
    assert.equal(securityChecklist(body)?.length, 9);
    assert.equal(securityChecklist(body)?.[0], 'Input validation (Zod, never trust client)');
    assert.deepEqual(diagnosticSteps(body)?.[1], 'Check database query logs (EXPLAIN ANALYZE)');
  });

  test('a valid persona: id from the file name, model and tools as lists', () => {
    const result = parse('---\nname: A\ndescription: B\nmodel: gpt-4.1\ntools: read, search\n---\nBody', 'api-reviewer.agent.md');
    assert.ok(result.ok);
    assert.equal(result.persona.id, 'api-reviewer');
    assert.deepEqual(result.persona.models, ['gpt-4.1']);
    assert.deepEqual(result.persona.tools, ['read', 'search']);
  });

  test('unknown keys are ignored and reported', () => {
    const result = parse('---\nname: A\ndescription: B\ncolor: blue\nhandoffs: []\n---\nBody');
    assert.ok(result.ok);
    assert.deepEqual(result.ignoredKeys, ['color', 'handoffs']);
  });

  test('an explicit id wins over the file name', () => {
    const result = parse('---\nid: team-architect\nname: A\ndescription: B\n---\nBody', 'whatever.md');
    assert.ok(result.ok);
    assert.equal(result.persona.id, 'team-architect');
  });

  test('R04: ---js front matter is rejected and never runs', () => {
    const globals = globalThis as Record<string, unknown>;
    delete globals['personaPwned'];
    for (const language of ['js', 'javascript', 'JS', 'coffee']) {
      const result = parse(`---${language}\n{ name: (globalThis.personaPwned = true, 'x'), description: 'y' }\n---\nBody`);
      assert.equal(result.ok, false, language);
      assert.match(problems(result)[0]?.message ?? '', /not allowed/);
      assert.equal(problems(result)[0]?.line, 1);
    }
    assert.equal(globals['personaPwned'], undefined);
  });

  test('R06: missing name and description are named, on line 1', () => {
    const result = parse('---\nmodel: x\n---\nBody');
    assert.deepEqual(
      problems(result)
        .map((p) => p.message)
        .sort(),
      ['"description" is required.', '"name" is required.'],
    );
  });

  test('R06: wrong types name the key, the expected type and its line', () => {
    const result = parse('---\nname: A\ndescription:\n  - one\n  - two\ntools: 42\n---\nBody');
    const found = problems(result);
    assert.deepEqual(
      found.find((p) => p.message.includes('"description"')),
      { message: '"description" must be text, not a list.', line: 3 },
    );
    assert.deepEqual(
      found.find((p) => p.message.includes('"tools"')),
      { message: '"tools" must be text or a list of text, not a number.', line: 6 },
    );
  });

  test("R06: what looks like a YAML date is read as the text it is (front matter uses YAML's core schema)", () => {
    const result = parse('---\nname: 2024-01-01\ndescription: B\n---\nBody');
    assert.ok(result.ok, JSON.stringify(problems(result)));
    assert.equal(result.persona.name, '2024-01-01');
  });

  test('R06: name longer than 80 characters, blank description', () => {
    const result = parse(`---\nname: ${'n'.repeat(81)}\ndescription: "   "\n---\nBody`);
    const messages = problems(result).map((p) => p.message);
    assert.ok(messages.includes('"name" is too long: at most 80 characters.'));
    assert.ok(messages.includes('"description" must not be empty.'));
  });

  test('R06: an empty body is a problem on the line after the front matter', () => {
    const result = parse('---\nname: A\ndescription: B\n---\n   \n');
    assert.deepEqual(problems(result), [{ message: 'The persona has no instructions: write them below the front matter.', line: 5 }]);
  });

  test('R06: a body over 64 KiB is refused', () => {
    const result = parse(`---\nname: A\ndescription: B\n---\n${'x'.repeat(64 * 1024 + 1)}`);
    assert.match(problems(result)[0]?.message ?? '', /larger than 64 KiB/);
  });

  test('R06: a body of exactly 64 KiB is accepted', () => {
    assert.ok(parse(`---\nname: A\ndescription: B\n---\n${'x'.repeat(64 * 1024)}`).ok);
  });

  test('R06: a YAML alias bomb is parsed without blowing up and rejected for its types', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = process.hrtime.bigint();
    const result = parse(`---\n${levels.join('\n')}\nname: *i\ndescription: B\n---\nBody`);
    assert.equal(result.ok, false);
    assert.deepEqual(problems(result)[0], { message: '"name" must be text, not a list.', line: 11 });
    assert.ok(process.hrtime.bigint() - started < 5_000_000_000n);
  });

  test('R06: a BOM and CRLF line ends are handled', () => {
    const result = parse('\uFEFF---\r\nname: A\r\ndescription: B\r\n---\r\nLine one\r\nLine two\r\n');
    assert.ok(result.ok);
    assert.equal(result.persona.body, 'Line one\nLine two');
  });

  test('R06: no front matter at all', () => {
    assert.deepEqual(problems(parse('# Just markdown\n')), [
      { message: 'No front matter: a persona file starts with a --- block that sets name and description.', line: 1 },
    ]);
  });

  test('R06: unclosed front matter', () => {
    assert.match(problems(parse('---\nname: A\ndescription: B\n'))[0]?.message ?? '', /not closed/);
  });

  test('R06: tab-indented YAML is read the way js-yaml reads it, without a crash', () => {
    const result = parse('---\nname: A\ndescription: B\nmodel:\n\t- gpt-4.1\n---\nBody');
    assert.ok(result.ok);
    assert.deepEqual(result.persona.models, ['gpt-4.1']);
  });

  test('R06: a YAML syntax error is reported with its line', () => {
    const result = parse('---\nname: A\ndescription: B\ntools: [read, search\n---\nBody');
    const problem = problems(result)[0];
    assert.match(problem?.message ?? '', /not valid YAML/);
    assert.ok(problem?.line !== undefined && problem.line >= 4 && problem.line <= 5, `line ${problem?.line}`);
  });

  test('R06: front matter that is a list, not a mapping', () => {
    assert.match(problems(parse('---\n- a\n- b\n---\nBody'))[0]?.message ?? '', /key: value/);
  });

  test('R06: one bad file does not stop the others from loading', () => {
    const catalog = buildCatalog([
      { source: workspace, result: parse(valid, 'good.md') },
      { source: { ...workspace, uri: 'file:///bad.md' }, result: parse('---js\n{}\n---\nx', 'bad.md') },
    ]);
    assert.deepEqual([...catalog.personas.keys()], ['good']);
    assert.equal(catalog.invalid.length, 1);
  });

  test('file names become slug ids', () => {
    assert.equal(idFromFileName('.github/agents/API Reviewer.agent.md'), 'api-reviewer');
    assert.equal(idFromFileName('Backend-Architect.md'), 'backend-architect');
    assert.equal(idFromFileName('___.md'), 'persona');
  });
});

describe('persona precedence', () => {
  const builtinSource: PersonaSource = { kind: 'builtin', uri: 'ext:/personas/backend-architect.md', label: 'built-in' };
  const builtin = parsePersona(shippedPersonaText(), 'backend-architect.md', builtinSource);
  const shadow = parsePersona('---\nname: Team Architect\ndescription: Ours\n---\nOur rules.', 'backend-architect.md', workspace);

  test('R07: a workspace persona that shadows a built-in wins, and the override is reported', () => {
    const catalog = buildCatalog([
      { source: builtinSource, result: builtin },
      { source: workspace, result: shadow },
    ]);
    assert.equal(catalog.personas.get('backend-architect')?.name, 'Team Architect');
    assert.deepEqual(catalog.overrides, ['Persona "backend-architect" from .github/architect/p.md overrides the one from built-in.']);
  });

  test('the active persona falls back to the built-in with a warning naming the problem', () => {
    assert.ok(builtin.ok);
    const broken = parsePersona('---\nname: A\n---\nBody', 'team.md', workspace);
    const catalog = buildCatalog([
      { source: builtinSource, result: builtin },
      { source: workspace, result: broken },
    ]);
    const active = chooseActivePersona(catalog, 'team', builtin.persona);
    assert.equal(active.persona.name, 'Backend Architect');
    assert.equal(
      active.warning,
      'Persona "team" is invalid (.github/architect/p.md:1: "description" is required.); using Backend Architect instead.',
    );
    assert.equal(
      chooseActivePersona(catalog, 'nope', builtin.persona).warning,
      'Persona "nope" was not found; using Backend Architect instead.',
    );
    assert.equal(chooseActivePersona(catalog, 'backend-architect', builtin.persona).warning, undefined);
  });
});

describe('persona locations', () => {
  test('only the three persona locations count, at their exact depth', async () => {
    const { isPersonaLocation } = await import('../../../src/core/persona/personaLocations');
    for (const path of ['.github/architect/team.md', '.github/agents/api.agent.md', '.claude/agents/sql.md'])
      assert.ok(isPersonaLocation(path), path);
    for (const path of [
      '.github/agents/api.md',
      '.github/architect/sub/team.md',
      'docs/architect/team.md',
      '.claude/commands/x.md',
      '.github/workflows/ci.md',
    ]) {
      assert.ok(!isPersonaLocation(path), path);
    }
  });
});

describe('the shipped persona is the prompt, byte for byte', () => {
  test('its fences are the ones it was written with (no formatter rewrote them)', () => {
    const fences = shippedPersonaText()
      .split('\n')
      .flatMap((line, index) => (/^\s*(`{3,}|~{3,})/.test(line) ? [`${index + 1}:${line}`] : []));
    assert.deepEqual(fences, [
      '30:```',
      '44:```',
      '50:```typescript',
      '113:```',
      '117:```sql',
      '134:```',
      '160:```markdown',
      '169:```json',
      '173:```',
      '176:```json',
      '182:```',
      '194:```sql',
      '196:```',
      '203:```',
    ]);
  });

  test('its code keeps its own layout, and Prettier is told to leave personas/ alone', () => {
    const text = shippedPersonaText();
    assert.ok(text.includes("  code: string;          // Machine-readable: 'USER_EXISTS'\n"));
    assert.ok(text.includes('type ApiResult<T> = \n  | { success: true; data: T }\n'));
    const ignored = readFileSync(path.join(repoRoot, '.prettierignore'), 'utf8').split('\n');
    assert.ok(ignored.includes('personas/'));
  });
});
