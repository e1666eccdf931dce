import { revealHiddenCharacters } from '../context/hiddenChars';
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

/**
 * The findings as one SARIF 2.1.0 log with one run of the tool `Architect`. A finding whose path would
 * leave its folder's base (see `sarifPathOf`) is left out, and the log says how many were.
 */
export function toSarif(input: SarifInput): Record<string, unknown> {
  const findings = input.findings.filter((finding) => sarifPathOf(finding.path) !== undefined);
  const leftOut = input.findings.length - findings.length;
  const ruleIds = [...new Set(findings.map(ruleIdOf))];
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
            rules: ruleIds.map((id) => ruleOf(id, findings)),
          },
        },
        ...(leftOut > 0 ? { invocations: [leftOutNote(leftOut)] } : {}),
        originalUriBaseIds: Object.fromEntries(
          input.folders.map((folder) => [folder.uriBaseId, { description: { text: `Workspace folder ${folder.name}` } }]),
        ),
        results: findings.map((finding) => resultOf(finding, ruleIds.indexOf(ruleIdOf(finding)))),
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
  return { id, shortDescription: { text: plainText(text) } };
}

function resultOf(finding: ExportedFinding, ruleIndex: number): Record<string, unknown> {
  const message = [finding.title, finding.detail, finding.fix ? `Fix: ${finding.fix}` : undefined].filter(Boolean).join('\n\n');
  return {
    ruleId: ruleIdOf(finding),
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: plainText(message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: sarifPathOf(finding.path), uriBaseId: finding.uriBaseId },
          region: { startLine: finding.line, endLine: Math.max(finding.endLine, finding.line) },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: { severity: finding.severity },
  };
}

function leftOutNote(count: number): Record<string, unknown> {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: [
      {
        level: 'warning',
        message: { text: `${count} finding(s) left out: their paths would point outside the workspace folder.` },
      },
    ],
  };
}

/**
 * The finding's path as a relative URI reference under its folder's base, each segment percent-encoded
 * (spaces and "#" survive; "%" itself is encoded, so "%2e%2e" stays a name); undefined when it could
 * leave the base. A path comes from the model and the repository: "\\" is read as a separator (a
 * Windows path, and a Linux name built to be one), and a segment that is "..", or reads as ".." once
 * decoded or normalised ("%2e%2e", fullwidth dots), is refused, never resolved.
 */
export function sarifPathOf(path: string): string | undefined {
  const segments = path.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.some((segment, index) => climbs(segment, index === 0))) return undefined;
  return segments.map(encodeURIComponent).join('/');
}

/**
 * Whether a segment could lead out of the base for a consumer that decodes it (once or more) and parses
 * it as a URL: "..", also with dots that normalise to it, or with tabs and line breaks, which the URL
 * parser drops, or before a "?" or "#"; a separator that appears once decoded; nothing but spaces, which it trims; and, first,
 * a colon, which makes a scheme or a drive ("C:") of it.
 */
function climbs(segment: string, first: boolean): boolean {
  let current = segment;
  for (let round = 0; round < 4; round++) {
    const normalized = current
      .normalize('NFKC')
      .replace(/[\t\n\r]/g, '')
      .trim();
    // What a URL parser reads as the path: up to a query or fragment.
    const path = normalized.replace(/[?#][^]*$/, '').trim();
    if (normalized === '' || path === '..' || (round > 0 && /[\\/]/.test(current)) || (first && path.includes(':'))) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (decoded === current) return false;
    current = decoded;
  }
  return true;
}

/**
 * A SARIF message as plain text that no viewer turns into markup: hidden characters revealed, "[" and
 * "]" escaped as the format asks (so no embedded link forms), and a "<" that could open an HTML tag,
 * comment or autolink shown as "‹". Line breaks stay: a message may have paragraphs.
 */
export function plainText(text: string): string {
  return revealHiddenCharacters(text)
    .text.replace(/\\(?=[[\]])/g, '\\\\')
    .replace(/[[\]]/g, (bracket) => `\\${bracket}`)
    .replace(/<(?=[A-Za-z/!?])/g, '‹');
}
