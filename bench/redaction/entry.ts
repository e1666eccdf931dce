// The redaction entry point as the benchmark loads it, built with the extension's own esbuild plugins.
export { findSecrets } from '../../src/core/redact/findSecrets';
