import { patternRule } from './patternRule';

/**
 * Tokens recognisable by a documented prefix or shape, which secretlint's recommended preset does not
 * know. Each pattern starts at its prefix, and only where a run of token characters starts (a
 * look-behind rather than `\b`, which also holds after a `-` inside a run): a near miss costs a few
 * steps, never a rescan of the run.
 */

/**
 * Stripe documents its key prefixes: secret (`sk_`), restricted (`rk_`) and webhook signing secrets
 * (`whsec_`); publishable keys (`pk_`) are public and left alone.
 */
export const stripeRule = patternRule(
  'stripe',
  'Stripe secret key',
  // No word boundary after the key: a suffix joined by `_` (`sk_live_…_old`) must not hide the key.
  [
    /(?<![0-9A-Za-z_])(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{20,247}(?![0-9a-zA-Z])|(?<![0-9A-Za-z_])whsec_[0-9a-zA-Z]{24,200}(?![0-9a-zA-Z])/g,
  ],
  { messageId: 'STRIPE_KEY' },
);

/** Google API keys: `AIza` and 35 more characters. */
export const googleApiKeyRule = patternRule('google-api-key', 'Google API key', [
  /(?<![0-9A-Za-z_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g,
]);

/** Azure storage account keys and Service Bus / Event Hubs keys, as they appear in connection strings. */
export const azureStorageKeyRule = patternRule('azure-storage-key', 'Azure storage or shared access key', [
  /\b(?:AccountKey|SharedAccessKey)[ \t]*=[ \t]*(?<secret>[A-Za-z0-9+/]{20,200}={0,2})/dg,
]);

/** The signature of an Azure shared access signature (SAS) URL or token is what grants access. */
export const azureSasTokenRule = patternRule('azure-sas-token', 'Azure SAS signature', [/[?&;]sig=(?<secret>[A-Za-z0-9%+/=]{20,200})/dg]);

/**
 * Azure DevOps personal access tokens: the current 84-character format carries `AZDO` at a fixed place;
 * the older 52-character base32 one is only recognisable next to a name that says what it is.
 */
export const azureDevOpsPatRule = patternRule('azure-devops-pat', 'Azure DevOps personal access token', [
  // The 76 characters before `AZDO` would be read at every word: only lines with `AZDO` are searched.
  { needle: /AZDO/g, pattern: /\b[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}\b/g },
  /(?:azure|devops|ado|vsts|pat)[\w.-]{0,30}["']?[ \t]*[:=][ \t]*["']?(?<secret>[a-z2-7]{52})\b/dgi,
]);

/** GitLab personal, deploy, runner, trigger, feed and OAuth tokens. */
export const gitLabTokenRule = patternRule('gitlab-token', 'GitLab token', [
  /(?<![0-9A-Za-z_.-])(?:glpat|gldt|glrt|glptt|glft|glsoat|gloas|glcbt)-[0-9A-Za-z_.-]{20,300}/g,
]);

/** A JSON Web Token: three Base64url parts, the first two JSON objects (`eyJ` is `{"`). */
export const jwtRule = patternRule('jwt', 'JSON Web Token', [
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
]);

/** HashiCorp Vault service, batch and recovery tokens. */
export const vaultTokenRule = patternRule('vault-token', 'HashiCorp Vault token', [/\bhv[sbr]\.[A-Za-z0-9_-]{24,400}/g]);

/** DigitalOcean personal access, OAuth and refresh tokens. */
export const digitalOceanTokenRule = patternRule('digitalocean-token', 'DigitalOcean token', [/\bdo[opr]_v1_[a-f0-9]{64}\b/g]);

/** PyPI and TestPyPI upload tokens: a macaroon whose first bytes name the index. */
export const pypiTokenRule = patternRule('pypi-token', 'PyPI upload token', [
  /(?<![A-Za-z0-9_-])pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}/g,
]);

/** Twilio API key SIDs, and 32-hex auth tokens or API secrets on a line that names Twilio. */
export const twilioRule = patternRule('twilio-token', 'Twilio credential', [
  /\bSK[0-9a-fA-F]{32}\b/g,
  /twilio[^\n]{0,80}?\b(?<secret>[0-9a-zA-Z]{32})\b/dgi,
]);

/** Heroku API keys: the `HRKU-` format, and the older UUID on a line that names Heroku. */
export const herokuRule = patternRule('heroku-api-key', 'Heroku API key', [
  /(?<![A-Za-z0-9_-])HRKU-[A-Za-z0-9_-]{20,200}/g,
  /heroku[^\n]{0,80}?\b(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/dgi,
]);

/**
 * An AWS secret access key without its name: 40 characters of Base64 within the next two lines after
 * an access key id (`new Credentials('AKIA…', '…')`, the two columns of a CSV export), or before it on
 * the same line. secretlint's AWS rule needs the key's name (`aws_secret_access_key`). Upper and lower
 * case are both required, so a Git commit hash next to a key id is not taken for one.
 */
const AWS_SECRET = String.raw`(?<![A-Za-z0-9/+])(?<secret>(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`;
export const awsSecretNearIdRule = patternRule(
  'aws-secret-access-key',
  'AWS secret access key next to a key id',
  [
    new RegExp(String.raw`\b(?:AKIA|ASIA)[0-9A-Z]{16}\b[^\n]{0,100}?(?:\n[^\n]{0,200}?){0,2}?${AWS_SECRET}`, 'dg'),
    { needle: /AKIA|ASIA/g, pattern: new RegExp(String.raw`${AWS_SECRET}[^\n]{0,100}?\b(?:AKIA|ASIA)[0-9A-Z]{16}\b`, 'dg') },
  ],
  { messageId: 'AWSSecretAccessKey' },
);

/** Anthropic keys of every kind (`sk-ant-api03-`, `sk-ant-admin01-`, …); secretlint knows only API keys. */
export const anthropicKeyRule = patternRule(
  'anthropic-api-key',
  'Anthropic key',
  [/(?<![\w-])sk-ant-[a-z]{2,10}\d{2}-[A-Za-z0-9_-]{40,200}/g],
  { messageId: 'ANTHROPIC_API_KEY' },
);

/** 1Password service account tokens: `ops_` and a Base64 JSON object. */
export const onePasswordTokenRule = patternRule('1password-token', '1Password service account token', [
  /(?<![\w-])ops_eyJ[A-Za-z0-9+/=_-]{40,4000}/g,
]);

/**
 * A PEM private key written in Base64 (`tls.key:` of a Kubernetes secret, a key in an environment
 * variable): `LS0tLS1CRUdJTi` is `-----BEGIN`, and the decoded start must name a private key, so a
 * certificate (`tls.crt`) is left alone.
 */
export const base64PrivateKeyRule = patternRule(
  'private-key',
  'private key in Base64',
  [/(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{40,20000}={0,2}/g],
  { keep: (value) => decodesToPrivateKey(value) },
);

function decodesToPrivateKey(value: string): boolean {
  try {
    return /PRIVATE KEY/.test(atob(value.slice(0, 80)));
  } catch {
    return false;
  }
}

export const tokenRules = [
  awsSecretNearIdRule,
  anthropicKeyRule,
  onePasswordTokenRule,
  base64PrivateKeyRule,
  stripeRule,
  googleApiKeyRule,
  azureStorageKeyRule,
  azureSasTokenRule,
  azureDevOpsPatRule,
  gitLabTokenRule,
  jwtRule,
  vaultTokenRule,
  digitalOceanTokenRule,
  pypiTokenRule,
  twilioRule,
  herokuRule,
];
