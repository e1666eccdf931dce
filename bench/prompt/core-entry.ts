// The pure core as the benchmark loads it: one bundle, built with the extension's own esbuild plugins
// (bench/lib/bundle.mjs), so the code timed is the code that ships.
export { buildRequest } from '../../src/core/request/buildRequest';
export { parsePersona } from '../../src/core/persona/parsePersona';
export { AnswerStreamFilter } from '../../src/core/answer/answerStreamFilter';
export { parseUnifiedDiff } from '../../src/core/changes/parseDiff';
export { buildChangesContext } from '../../src/core/changes/changesContext';
