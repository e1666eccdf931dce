import type { lintSource as LintSource } from '@secretlint/core';
import type { SecretLintCoreConfig } from '@secretlint/types';
import { credentialRulesFor } from './credentialRules';
import { tokenRules } from './extraRules';
import { type TextFormat } from './textFormat';

/**
 * secretlint's recommended rules, registered one by one with two changes: AWS access key ids are scanned
 * too (off by default upstream), and the filter that honours `secretlint-disable` comments is left out,
 * since attached code is untrusted and must not be able to switch redaction off. (Disabling a rule inside
 * the preset is not honoured by secretlint's core, hence the rules one by one.)
 *
 * secretlint is loaded on first use: its rule set is the largest part of the bundle, and activation
 * should not pay for it.
 */
type Config = SecretLintCoreConfig;
let engine: Promise<{ lintSource: typeof LintSource; configFor: (format: TextFormat) => Config }> | undefined;

function loadEngine() {
  engine ??= Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]).then(([core, preset]) => {
    const presetRules = preset.rules
      .filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments')
      .map((rule) => ({
        id: rule.meta.id,
        rule,
        ...(rule.meta.id === '@secretlint/secretlint-rule-aws' ? { options: { enableIDScanRule: true } } : {}),
      }));
    // One configuration per format, made when first needed: only the credential-key rules differ.
    const configs = new Map<TextFormat, Config>();
    const configFor = (format: TextFormat): Config => {
      let config = configs.get(format);
      if (!config) {
        config = { rules: [...presetRules, ...[...tokenRules, ...credentialRulesFor(format)].map((rule) => ({ id: rule.meta.id, rule }))] };
        configs.set(format, config);
      }
      return config;
    };
    return { lintSource: core.lintSource, configFor };
  });
  return engine;
}

export interface Report {
  readonly ruleId: string;
  readonly messageId: string;
  readonly range: readonly [number, number];
  readonly data?: unknown;
}

/**
 * secretlint's time grows faster than the number of reports in one source (four times the reports
 * took seven times as long, and worse beyond), so a long text is linted in stretches of about 32 KB,
 * cut at line starts, each overlapping the one before by 2 KB: any secret shorter than the overlap lies
 * whole in one stretch. (Private keys, which can be longer,
 * are found in the whole text by `privateKeyBlocks`.) Ranges come back as offsets into `text`.
 */
export async function lintInChunks(text: string, format: TextFormat): Promise<Report[]> {
  const { lintSource, configFor } = await loadEngine();
  const config = configFor(format);
  const reports: Report[] = [];
  for (const [from, to] of chunkBounds(text)) {
    const result = await lintSource({
      // No real path: secretlint would read some files from disk with Node's fs by their path.
      source: { filePath: 'attached.txt', content: from === 0 && to === text.length ? text : text.slice(from, to), contentType: 'text' },
      options: { config, maskSecrets: false },
    });
    for (const message of result.messages) reports.push({ ...message, range: [message.range[0] + from, message.range[1] + from] });
  }
  return reports;
}

export const CHUNK_CHARS = 32_768;
const CHUNK_OVERLAP_CHARS = 2_048;

export function chunkBounds(text: string): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let from = 0;
  for (;;) {
    const to = Math.min(text.length, from + CHUNK_CHARS);
    bounds.push([from, to]);
    if (to === text.length) return bounds;
    from = lineStartBefore(text, to - CHUNK_OVERLAP_CHARS, CHUNK_OVERLAP_CHARS);
  }
}

/** The start of the line holding `offset`, looking back at most `limit` characters (a minified line has none). */
function lineStartBefore(text: string, offset: number, limit: number): number {
  for (let at = offset; at > offset - limit && at > 0; at--) if (text.charCodeAt(at - 1) === 10) return at;
  return offset;
}
