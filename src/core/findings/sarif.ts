import { type Finding, type Severity } from './parseFindings';

/** A current finding as the export sees it: where it is, relative to a workspace folder, and what it is. */
export interface ExportedFinding extends Omit<Finding, 'piece' | 'replacement'> {
  /** The SARIF `uriBaseId` of the finding's workspace folder (see `SarifInput.folders`). */
  readonly uriBaseId: string;
  /** Path relative to that folder, forward slashes, not percent-encoded. */
  readonly path: string;
  readonly fingerprint: string;
}

export interface SarifInput {
  readonly version: string;
  /** Each workspace folder's base id and name; the absolute location stays out of the file. */
  readonly folders: ReadonlyArray<{ readonly uriBaseId: string; readonly name: string }>;
  readonly findings: readonly ExportedFinding[];
}

/** Findings without a rule id share this one, so every result names a rule as code scanning expects. */
export const GENERIC_RULE_ID = 'architect-review';
const INFORMATION_URI = 'https://github.com/architect-tools/architect-chat';
/** The fingerprint's name in `partialFingerprints`: versioned, so a new normalisation can get a new name. */
export const FINGERPRINT_KEY = 'architectLineHash/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** The findings as one SARIF 2.1.0 log with one run of the tool `Architect`. */
export function toSarif(input: SarifInput): Record<string, unknown> {
  const ruleIds = [...new Set(input.findings.map(ruleIdOf))];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Architect',
            version: input.version,
            informationUri: INFORMATION_URI,
            rules: ruleIds.map((id) => ruleOf(id, input.findings)),
          },
        },
        originalUriBaseIds: Object.fromEntries(
          input.folders.map((folder) => [folder.uriBaseId, { description: { text: `Workspace folder ${folder.name}` } }]),
        ),
        results: input.findings.map((finding) => resultOf(finding, ruleIds.indexOf(ruleIdOf(finding)))),
      },
    ],
  };
}

function ruleIdOf(finding: ExportedFinding): string {
  return finding.rule?.trim() || GENERIC_RULE_ID;
}

function ruleOf(id: string, findings: readonly ExportedFinding[]): Record<string, unknown> {
  const first = findings.find((finding) => ruleIdOf(finding) === id);
  const text = id === GENERIC_RULE_ID || first === undefined ? 'Architect review finding' : first.title;
  return { id, shortDescription: { text } };
}

function resultOf(finding: ExportedFinding, ruleIndex: number): Record<string, unknown> {
  const message = [finding.title, finding.detail, finding.fix ? `Fix: ${finding.fix}` : undefined].filter(Boolean).join('\n\n');
  return {
    ruleId: ruleIdOf(finding),
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodePath(finding.path), uriBaseId: finding.uriBaseId },
          region: { startLine: finding.line, endLine: Math.max(finding.endLine, finding.line) },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: { severity: finding.severity },
  };
}

/** A relative URI reference: each segment percent-encoded, so spaces and "#" survive. */
function encodePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .map(encodeURIComponent)
    .join('/');
}
