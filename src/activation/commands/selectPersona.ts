import * as vscode from 'vscode';
import { type Persona } from '../../core/persona/persona';
import { t } from '../../common/l10n';
import { type PersonaStore } from '../personas/personaStore';
import { readSettings } from '../../common/settings';
import { registerSafeCommand } from './safeCommand';

interface PersonaItem extends vscode.QuickPickItem {
  readonly persona: Persona;
}

/** A quick pick of every valid persona; the choice is written for the workspace, or globally without one. */
export function registerSelectPersona(context: vscode.ExtensionContext, personas: PersonaStore, log: vscode.LogOutputChannel): void {
  registerSafeCommand(context, log, 'architect.selectPersona', t('Choose Persona'), async (): Promise<string | undefined> => {
    const current = readSettings().persona;
    const items: PersonaItem[] = (await personas.all())
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((persona) => ({
        persona,
        label: `${persona.id === current ? '$(check) ' : ''}${persona.name}`,
        description: `${persona.id} · ${persona.source.label}`,
        detail: persona.description,
      }));
    const picked = await vscode.window.showQuickPick(items, {
      title: t('Architect: choose the persona'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked) return undefined;
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('architect').update('persona', picked.persona.id, target);
    return picked.persona.id;
  });
}
