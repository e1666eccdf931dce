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
  [/\b(?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{20,247}\b|\bwhsec_[0-9a-zA-Z]{24,200}\b/g],
  'STRIPE_KEY',
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

export const tokenRules = [
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
