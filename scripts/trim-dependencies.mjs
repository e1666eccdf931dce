// esbuild plugins that leave out of the bundle what Architect's dependencies carry but never run inside
// the extension, or put off what they do eagerly and rarely need. Each one says why the part is dead or
// deferred for us; each source edit must find exactly what it
// expects, so that a dependency update that changes shape fails the build instead of shipping a
// half-applied edit. The unit tests are bundled with the same plugins (scripts/test-unit.mjs), so they
// check the trimmed code: test/unit/redact/redact.test.ts (secrets still found), persona.test.ts (front
// matter still parsed), trimmedDependencies.test.ts (the trimmed code answers as the published packages do).
import { readFile } from 'node:fs/promises';

/**
 * @typedef {{ why: string, find: RegExp, replace: string, count: number | 'some' }} Edit
 */

/**
 * Applies each edit to `source`, failing when an edit matches a number of times other than expected.
 * @param {string} source
 * @param {string} file
 * @param {Edit[]} edits
 */
function applyEdits(source, file, edits) {
  let result = source;
  for (const edit of edits) {
    const found = result.match(edit.find)?.length ?? 0;
    const expected = edit.count === 'some' ? found > 0 : found === edit.count;
    if (!expected) {
      throw new Error(
        `${file} changed shape: "${edit.why}" expected ${edit.count} match(es), found ${found}; update scripts/trim-dependencies.mjs`,
      );
    }
    result = result.replace(edit.find, edit.replace);
  }
  return result;
}

/**
 * Small stand-ins for the three lodash functions that secretlint's regexp-string-matcher calls (the
 * preset inlines all of lodash.uniq, lodash.uniqwith and lodash.sortby, about 22 KB minified). Same
 * results for what it passes them: `uniq` of flag characters, `uniqWith` of match records with an
 * equality test (first occurrence kept, order kept), `sortBy` of match records by numeric keys (stable).
 */
const LODASH_STAND_INS = {
  uniq: '{ default: (values) => [...new Set(values)] }',
  uniqWith:
    '{ default: (values, same) => { const kept = []; for (const value of values) if (!kept.some((other) => same(value, other))) kept.push(value); return kept; } }',
  sortBy:
    '{ default: (values, keys) => [...values].sort((a, b) => { for (const key of keys) { if (a[key] < b[key]) return -1; if (a[key] > b[key]) return 1; } return 0; }) }',
};

/** @type {Edit[]} */
const PRESET_EDITS = [
  {
    // Its only use reads a GCP `.p12` file from disk with Node's fs by its path; secretlint never gets a
    // real path from us (files come through vscode.workspace.fs, and `.p12` is excluded by default).
    why: 'the lazy node-forge import (~290 KB) becomes a rejection',
    find: /\(await import\('\.\/index-[A-Za-z0-9_-]+\.js'\)\.then\(function \(n\) \{ return n\.i; \}\)\)\.default/g,
    replace: "(await Promise.reject(new Error('p12 scanning is disabled in Architect')))",
    count: 1,
  },
  {
    why: 'lodash.uniq gives way to a Set',
    find: /__importDefault\(requireLodash_uniq\(\)\)/g,
    replace: LODASH_STAND_INS.uniq,
    count: 1,
  },
  {
    why: 'lodash.uniqwith gives way to a loop',
    find: /__importDefault\(requireLodash_uniqwith\(\)\)/g,
    replace: LODASH_STAND_INS.uniqWith,
    count: 1,
  },
  {
    why: 'lodash.sortby gives way to a stable sort',
    find: /__importDefault\(requireLodash_sortby\(\)\)/g,
    replace: LODASH_STAND_INS.sortBy,
    count: 1,
  },
  {
    // findSecrets drops this rule from the list it registers: attached code is untrusted and must not
    // be able to switch redaction off with a `secretlint-disable` comment. Unlisted, it is never bundled.
    why: 'the filter-comments rule leaves the preset list',
    find: /^\s*creator\$1,\n(?=\];\nconst creator = \{)/gm,
    replace: '',
    count: 1,
  },
  {
    // secretlint picks a message language from its `locale` option, "en" unless set; we never set it,
    // and Architect reads the rule's message data, not its wording.
    why: 'Japanese rule messages are dropped',
    find: /^\s*ja: \(props\) => `[^`\n]*`,?\n/gm,
    replace: '',
    count: 'some',
  },
  {
    // Only used to build `docsUrl` on each message (optional in secretlint's core); Architect never reads it.
    why: 'rule documentation links are dropped',
    find: /^\s*docs: \{\n\s*url: "[^"\n]*",?\n\s*\},?\n/gm,
    replace: '',
    count: 'some',
  },
];

/**
 * secretlint's recommended preset, trimmed (see PRESET_EDITS for each cut and why it is safe).
 * @type {import('esbuild').Plugin}
 */
export const trimSecretlintPreset = {
  name: 'trim-secretlint-preset',
  setup(build) {
    build.onLoad({ filter: /secretlint-rule-preset-recommend[\\/]module[\\/]index-[^\\/]+\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // The preset is split in two chunks; the rules live in the one that mentions node-forge.
      if (!source.includes('node-forge is heavy module')) return undefined;
      return { contents: applyEdits(source, 'secretlint preset', PRESET_EDITS), loader: 'js' };
    });
  },
};

/**
 * The line starts as the constructor finds them (after each \n, \r, \r\n, U+2028 and U+2029), by
 * character codes rather than a regex match a line.
 */
const LINE_STARTS = [
  'lineStarts(source) {',
  '        const indice = [0];',
  '        const length = source.length;',
  '        for (let index = 0; index < length; index++) {',
  '            const code = source.charCodeAt(index);',
  '            if (code !== 0x0A && code !== 0x0D && code !== 0x2028 && code !== 0x2029) continue;',
  '            if (code === 0x0D && source.charCodeAt(index + 1) === 0x0A) index += 1;',
  '            indice.push(index + 1);',
  '        }',
  '        return indice;',
  '    }',
].join('\n');

/** @type {Edit[]} */
const STRUCTURED_SOURCE_EDITS = [
  {
    why: 'the constructor keeps the text, and the line index becomes a getter that builds it once',
    find: /constructor\(source\) \{\n\s*this\.indice = \[0\];\n\s*let regexp = \/\[\\r\\n\\u2028\\u2029\]\/g;[\s\S]*?regexp\.lastIndex = nextIndex;\n\s*\}\n\s*\}/g,
    replace: [
      'constructor(source) {',
      '        this.source = source;',
      '    }',
      '    get indice() {',
      '        if (this.lazyIndice === undefined) this.lazyIndice = this.lineStarts(this.source);',
      '        return this.lazyIndice;',
      '    }',
      `    ${LINE_STARTS}`,
    ].join('\n'),
    count: 1,
  },
];

/**
 * secretlint wraps every text it scans in a StructuredSource, whose constructor indexes the start of
 * every line with a regex match per line; the index only serves to give a report its line and column.
 * Most stretches of a scan report nothing, and the index was the largest allocation of redacting a
 * diff (1.2 MB for a 338 KB one): it is built on first use instead, without a match object a line.
 * @type {import('esbuild').Plugin}
 */
export const lazyStructuredSource = {
  name: 'lazy-structured-source',
  setup(build) {
    build.onLoad({ filter: /structured-source[\\/]lib[\\/]structured-source\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: applyEdits(source, 'structured-source', STRUCTURED_SOURCE_EDITS), loader: 'js' };
    });
  },
};

/**
 * gray-matter's parts that Architect's one call, `matter(text, { language: 'yaml', engines })`, never
 * reaches: `section-matter` (only with the `sections` option) and `stringify` (only when writing front
 * matter). Each becomes a function that throws, so a future use fails loudly instead of silently.
 * `kind-of` (a 2 KB type-name table) gives way to the part gray-matter asks about: whether its input and
 * `file.data` are plain objects, buffers, strings or undefined.
 * @type {import('esbuild').Plugin}
 */
export const trimGrayMatter = {
  name: 'trim-gray-matter',
  setup(build) {
    const refuse = (what) => `module.exports = function () { throw new Error('gray-matter ${what} is not bundled in Architect'); };`;
    build.onResolve({ filter: /^section-matter$/ }, () => ({ path: 'section-matter', namespace: 'trim-gray-matter' }));
    build.onResolve({ filter: /^\.\/(lib\/)?stringify$/ }, (args) =>
      /gray-matter([\\/]lib)?$/.test(args.resolveDir) ? { path: 'stringify', namespace: 'trim-gray-matter' } : undefined,
    );
    build.onResolve({ filter: /^kind-of$/ }, (args) =>
      /gray-matter[\\/]lib$/.test(args.resolveDir) ? { path: 'kind-of', namespace: 'trim-gray-matter' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'trim-gray-matter' }, (args) => ({
      contents: args.path === 'kind-of' ? KIND_OF : refuse(args.path === 'stringify' ? 'stringify' : 'sections'),
      loader: 'js',
    }));
  },
};

/**
 * kind-of's answer for the values gray-matter gives it (strings, undefined, plain objects, buffers),
 * and its fallback (the lower-cased toString tag) for anything else.
 */
const KIND_OF = [
  'module.exports = function kindOf(value) {',
  "  if (value === undefined) return 'undefined';",
  "  if (value === null) return 'null';",
  "  if (Array.isArray(value)) return 'array';",
  "  if (Buffer.isBuffer(value)) return 'buffer';",
  "  if (typeof value !== 'object') return typeof value;",
  '  const tag = Object.prototype.toString.call(value);',
  "  return tag === '[object Object]' ? 'object' : tag.slice(8, -1).toLowerCase().replace(/\\s/g, '');",
  '};',
].join('\n');

/**
 * TypeScript compiles an enum to `var E; (function (E) { … })(E || (E = {}));`, a statement esbuild must
 * keep because it assigns; as `var E = (function (E) { … return E; })({})` marked pure, the same object
 * is built, and dropped when nothing reads it.
 * @param {string} why
 * @param {number} count
 * @returns {Edit}
 */
const pureEnums = (why, count) => ({
  why,
  find: /^(export )?var (\w+);\n\(function \(\2\) \{\n([\s\S]*?)\n\}\)\(\2 \|\| \(\2 = \{\}\)\);$/gm,
  replace: '$1var $2 = /* @__PURE__ */ (function ($2) {\n$3\n    return $2;\n})({});',
  count,
});

/** @type {Record<string, Edit[]>} */
const JSONC_EDITS = {
  // ScanError, SyntaxKind and ParseErrorCode: the compiled parser uses their values inlined as numbers.
  'main.js': [pureEnums('the public enum objects are dropped unless read', 3)],
  // CharacterCodes (about 80 names) is never read at run time: the scanner has the codes inlined.
  'scanner.js': [pureEnums('the character-code enum object is dropped', 1)],
  // Tables of indentation strings (1,200 of them) that only the formatter reads, built at load.
  'string-intern.js': [
    {
      why: "the formatter's indentation tables are built only if something reads them",
      find: /^export const (cachedSpaces|cachedBreakLinesWithSpaces) = ([\s\S]*?);\n(?=const |export )/gm,
      replace: 'export const $1 = /* @__PURE__ */ (() => ($2))();\n',
      count: 2,
    },
  ],
};

/**
 * jsonc-parser's ES module build, with the module-level code that only its unused parts read (enum
 * objects, the formatter's tables) marked as free of side effects, so that esbuild leaves it out. What
 * is kept runs unchanged: parse, parseTree, findNodeAtLocation, getNodeValue and printParseErrorCode.
 * @type {import('esbuild').Plugin}
 */
export const trimJsoncParser = {
  name: 'trim-jsonc-parser',
  setup(build) {
    build.onLoad({ filter: /jsonc-parser[\\/]lib[\\/]esm[\\/](impl[\\/])?(main|scanner|string-intern)\.js$/ }, async (args) => {
      const name = /** @type {string} */ (args.path.split(/[\\/]/).at(-1));
      const edits = JSONC_EDITS[name];
      if (!edits) return undefined;
      return { contents: applyEdits(await readFile(args.path, 'utf8'), `jsonc-parser ${name}`, edits), loader: 'js' };
    });
  },
};

/** @type {Edit[]} */
const JS_YAML_LOADER_EDITS = [
  {
    // src/core/frontMatter.ts calls safeLoad only; the others are then unreferenced and left out.
    why: 'load, loadAll and safeLoadAll leave the exports',
    find: /^module\.exports\.(?:loadAll|load|safeLoadAll) *= \w+;\n/gm,
    replace: '',
    count: 3,
  },
];

/**
 * js-yaml's loader module without the entry points Architect never calls.
 * @type {import('esbuild').Plugin}
 */
export const trimJsYamlLoader = {
  name: 'trim-js-yaml-loader',
  setup(build) {
    build.onLoad({ filter: /js-yaml[\\/]lib[\\/]js-yaml[\\/]loader\.js$/ }, async (args) => ({
      contents: applyEdits(await readFile(args.path, 'utf8'), 'js-yaml loader', JS_YAML_LOADER_EDITS),
      loader: 'js',
    }));
  },
};

/** @type {Record<string, Edit[]>} */
const SECRETLINT_CORE_EDITS = {
  'index.js': [
    {
      // The profiler is a no-op in the bundle (scripts/build.mjs), so are its marks.
      why: "the profiler's marks are dropped",
      find: /^\s*secretLintProfiler\.mark\(\{\n(?:\s*\w+: [^\n]*,\n)*\s*\}\);\n/gm,
      replace: '',
      count: 6,
    },
    {
      // `debug` is a no-op in the bundle too; its calls carry only log text.
      why: 'the debug logger and its calls are dropped',
      find: /^import debug0 from "debug";\nconst debug = debug0\("@secretlint\/core"\);\n|^\s*debug\([^\n]*\);\n/gm,
      replace: '',
      count: 5,
    },
    {
      // lintInChunks registers each rule on its own: a preset there would be registered once and not
      // scanned by rule (its rules could not be configured one by one). A preset now fails loudly.
      why: 'rule presets are not registered',
      find: /^\s*if \(isRulePreset\(descriptorRule\)\) \{\n[\s\S]*?\n\s*return;\n\s*\}\n\s*else if \(isRule\(descriptorRule\)\)/gm,
      replace: '\n    if (isRule(descriptorRule))',
      count: 1,
    },
  ],
  'RunningEvents.js': [
    {
      why: "the profiler's marks are dropped",
      find: /^\s*secretLintProfiler\.mark\(\{\n(?:\s*\w+: [^\n]*,\n)*\s*\}\);\n/gm,
      replace: '',
      count: 2,
    },
  ],
  'messages/index.js': [
    {
      // Architect never asks secretlint to mask: it reads the ranges and masks the text itself.
      why: 'masking of secrets in messages is refused instead of bundled',
      find: /options\.maskSecrets\n\s*\? \[filterDuplicatedMessages, filterMaskSecretsData\]\n\s*: \[filterDuplicatedMessages\];/g,
      replace:
        "options.maskSecrets ? refuseMasking() : [filterDuplicatedMessages];\nfunction refuseMasking() { throw new Error('maskSecrets is not bundled in Architect'); }",
      count: 1,
    },
  ],
};

/**
 * @secretlint/core without what runs for nothing in the extension (marks of a no-op profiler, calls of a
 * no-op logger) or never runs for Architect (rule presets, masking), each failing loudly if ever used.
 * @type {import('esbuild').Plugin}
 */
export const trimSecretlintCore = {
  name: 'trim-secretlint-core',
  setup(build) {
    build.onLoad({ filter: /@secretlint[\\/]core[\\/]module[\\/](index|RunningEvents|messages[\\/]index)\.js$/ }, async (args) => {
      const name = /** @type {string} */ (args.path.split(/[\\/]module[\\/]/).at(-1)).replace(/\\/g, '/');
      const edits = SECRETLINT_CORE_EDITS[name];
      if (!edits) return undefined;
      return { contents: applyEdits(await readFile(args.path, 'utf8'), `@secretlint/core ${name}`, edits), loader: 'js' };
    });
  },
};
