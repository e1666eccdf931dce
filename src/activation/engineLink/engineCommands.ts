import { t } from '../../common/l10n';

/**
 * The commands whose work lives in the engine bundle, with the label their failures are reported
 * under. Registered at activation (so the palette, menus and `executeCommand` find them at once); the
 * engine loads the first time one runs. src/engine/engine.ts maps each id to its handler.
 */
export const ENGINE_COMMANDS = {
  'architect.reviewThisApi': () => t('Review this API'),
  'architect.reviewChanges': () => t('Review Changes'),
  'architect.generateDesignDoc': () => t('Generate Design Doc'),
  /** Behind the "Save as design doc" button under a `/design` answer; not in the palette. */
  'architect.saveDesignDoc': () => t('Save as design doc'),
  /** Behind the button of a `/changes` answer in a folder inside a repository Git has not opened; not in the palette. */
  'architect.openRepository': () => t('Open Repository and Review Changes'),
  'architect.ignoreFinding': () => t('Ignore this finding'),
  'architect.exportFindings': () => t('Export Findings as SARIF'),
} as const;

export type EngineCommandId = keyof typeof ENGINE_COMMANDS;
