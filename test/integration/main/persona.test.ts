import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { eventually, lastRequest } from '../helpers/fake';
import { architectLogText } from '../helpers/log';
import { fileUri, withSetting, writeFile } from '../helpers/workspace';

const teamPersona = (marker: string) => `---
name: Team API Reviewer
description: Reviews APIs by our team's rules
tools: ['read', 'search']
color: blue
---
You are the team's API reviewer. ${marker}
Always check that every endpoint is versioned under /v2.
`;

/**
 * Waits for a persona file change to show in the Problems panel. Each request re-checks the persona
 * files, so one is sent while waiting: this runtime's file watcher sometimes stops delivering events.
 */
async function untilPersonasShow<T>(check: () => T | undefined | false, what: string): Promise<T> {
  return eventually(
    async () => {
      const seen = check();
      if (seen) return seen;
      await ask('@architect hello');
      return check();
    },
    20_000,
    what,
  );
}

suite('personas in the real VS Code', () => {
  const lm = useFakeModel({ closeEditors: false });

  test('a workspace persona in .github/architect selected by setting is what the model receives first', async () => {
    await writeFile('.github/architect/team-reviewer.md', teamPersona('MARKER-ONE'));
    lm.restoreLater(await withSetting('architect.persona', 'team-reviewer'));
    const result = await eventually(
      async () => {
        const outcome = await ask('@architect hello');
        return outcome.metadata?.['persona'] === 'team-reviewer' ? outcome : undefined;
      },
      15_000,
      'the team persona to be active',
    );
    assert.strictEqual(result.metadata?.['personaWarning'], undefined);
    const first = lastRequest(lm.fake).messages[0]?.text ?? '';
    assert.ok(first.startsWith("You are the team's API reviewer. MARKER-ONE"), first.slice(0, 200));
    assert.ok(!first.includes('Marcus Rivera'));
  });

  test('editing a persona file changes the next answer without reloading the window', async () => {
    const uri = await writeFile('.github/architect/team-reviewer.md', teamPersona('MARKER-ONE'));
    lm.restoreLater(await withSetting('architect.persona', 'team-reviewer'));
    await eventually(async () => (await ask('@architect hello')).metadata?.['persona'] === 'team-reviewer', 15_000);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(teamPersona('MARKER-TWO, edited')));
    await eventually(
      async () => {
        await ask('@architect hello again');
        return lastRequest(lm.fake).messages[0]?.text.includes('MARKER-TWO, edited');
      },
      15_000,
      'the edited persona to reach the model',
    );
  });

  test('R04: a ---js persona never runs its code and shows a diagnostic on its file', async () => {
    const globals = globalThis as Record<string, unknown>;
    delete globals['architectPwned'];
    const uri = await writeFile(
      '.github/architect/evil.md',
      "---js\n{ name: (globalThis.architectPwned = true, 'Evil'), description: 'x' }\n---\nBody\n",
    );
    const diagnostics = await untilPersonasShow(() => {
      const found = vscode.languages.getDiagnostics(uri);
      return found.length > 0 ? found : undefined;
    }, 'a diagnostic on evil.md');
    assert.match(diagnostics[0]?.message ?? '', /Front matter in "js" is not allowed/);
    assert.strictEqual(diagnostics[0]?.source, 'Architect');
    assert.strictEqual(diagnostics[0]?.range.start.line, 0);
    assert.strictEqual(globals['architectPwned'], undefined, 'code in the front matter ran');
    await vscode.workspace.fs.delete(uri);
    await untilPersonasShow(() => vscode.languages.getDiagnostics(uri).length === 0, 'the diagnostic to go with the file');
  });

  test('R06: an invalid persona gets a diagnostic on the offending line, and loses it when fixed', async () => {
    const uri = await writeFile('.github/architect/broken.md', '---\nname: Broken\ndescription:\n  - not\n  - text\n---\nBody\n');
    const diagnostics = await untilPersonasShow(() => {
      const found = vscode.languages.getDiagnostics(uri);
      return found.length > 0 ? found : undefined;
    }, 'a diagnostic on broken.md');
    assert.strictEqual(diagnostics[0]?.message, '"description" must be text, not a list.');
    assert.strictEqual(diagnostics[0]?.range.start.line, 2);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\nname: Broken\ndescription: fixed now\n---\nBody\n'));
    await untilPersonasShow(() => vscode.languages.getDiagnostics(uri).length === 0, 'the diagnostic to clear');
  });

  test('an invalid active persona falls back to the built-in one with a warning that names the problem', async () => {
    await writeFile('.github/architect/half-done.md', '---\nname: Half done\n---\nBody\n');
    lm.restoreLater(await withSetting('architect.persona', 'half-done'));
    const result = await eventually(async () => {
      const outcome = await ask('@architect hello');
      return typeof outcome.metadata?.['personaWarning'] === 'string' ? outcome : undefined;
    }, 15_000);
    assert.strictEqual(result.metadata?.['persona'], 'backend-architect');
    assert.match(
      String(result.metadata?.['personaWarning']),
      /^Persona "half-done" is invalid \(\.github\/architect\/half-done\.md:1: "description" is required\.\); using Backend Architect instead\.$/,
    );
    assert.ok(lastRequest(lm.fake).messages[0]?.text.includes('Marcus Rivera'));
    await vscode.workspace.fs.delete(fileUri('.github/architect/half-done.md'));
  });

  test('R07: a workspace persona with the built-in id wins, and the log says so', async () => {
    const uri = await writeFile(
      '.github/architect/backend-architect.md',
      '---\nname: Our Backend Architect\ndescription: Team override\n---\nTEAM-OVERRIDE body.\n',
    );
    await eventually(
      async () => {
        await ask('@architect hello');
        return lastRequest(lm.fake).messages[0]?.text.startsWith('TEAM-OVERRIDE body.');
      },
      15_000,
      'the override to be used',
    );
    assert.match(
      architectLogText(),
      /Persona "backend-architect" from \.github\/architect\/backend-architect\.md overrides the one from built-in\./,
    );
    await vscode.workspace.fs.delete(uri);
  });

  test('agent files (.github/agents/*.agent.md, .claude/agents/*.md) are offered as personas, and can be switched off', async () => {
    await writeFile(
      '.github/agents/api-guard.agent.md',
      '---\nname: API Guard\ndescription: Guards APIs\ntools: [read]\n---\nAPI-GUARD body.\n',
    );
    await writeFile(
      '.claude/agents/sql-sage.md',
      '---\nname: SQL Sage\ndescription: Knows SQL\ntools: Read, Grep\nmodel: sonnet\n---\nSQL-SAGE body.\n',
    );
    lm.restoreLater(await withSetting('architect.persona', 'sql-sage'));
    await eventually(async () => (await ask('@architect hello')).metadata?.['persona'] === 'sql-sage', 15_000);
    assert.ok(lastRequest(lm.fake).messages[0]?.text.startsWith('SQL-SAGE body.'));
    lm.restoreLater(await withSetting('architect.importAgentFiles', false));
    await eventually(
      async () => (await ask('@architect hello')).metadata?.['persona'] === 'backend-architect',
      15_000,
      'agent files to be ignored',
    );
  });

  test('Choose Persona lists every valid persona with its source and writes the workspace setting', async () => {
    await writeFile('.github/architect/team-reviewer.md', teamPersona('PICKED'));
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window['showQuickPick'];
    let offered: Array<{ label: string; description?: string; detail?: string }> = [];
    window['showQuickPick'] = async (items: Array<{ label: string; description?: string; detail?: string }>) => {
      offered = items;
      return items.find((item) => item.label.endsWith('Team API Reviewer'));
    };
    try {
      lm.restoreLater(() =>
        Promise.resolve(vscode.workspace.getConfiguration('architect').update('persona', undefined, vscode.ConfigurationTarget.Workspace)),
      );
      const chosen = await vscode.commands.executeCommand<string>('architect.selectPersona');
      assert.strictEqual(chosen, 'team-reviewer');
      assert.ok(
        offered.some((item) => item.label.endsWith('Backend Architect') && item.description === 'backend-architect · built-in'),
        JSON.stringify(offered),
      );
      assert.ok(
        offered.some(
          (item) =>
            item.description === 'team-reviewer · .github/architect/team-reviewer.md' && item.detail === "Reviews APIs by our team's rules",
        ),
      );
      assert.ok(!offered.some((item) => item.label.includes('Evil')), 'an invalid persona was offered');
      assert.strictEqual(vscode.workspace.getConfiguration('architect').inspect('persona')?.workspaceValue, 'team-reviewer');
    } finally {
      window['showQuickPick'] = original;
    }
  });
});
