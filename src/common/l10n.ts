import * as vscode from 'vscode';
import { type Translate } from '../core/i18n';

/** The core's English templates are the l10n keys; VS Code substitutes {0}, {1} itself. */
export const t: Translate = (template, ...args) => vscode.l10n.t(template, ...args);
