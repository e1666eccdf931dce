import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * A validator for the official SARIF 2.1.0 JSON schema, as Microsoft's SARIF Multitool package ships it
 * (a devDependency; npm installs the package for this platform). No hand-written shape check.
 */
export function sarifSchemaValidator(repoRoot: string): (log: unknown) => string[] {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const schemaPath = require.resolve(`@microsoft/sarif-multitool-${process.platform}/sarif-2.1.0.json`);
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));
}
