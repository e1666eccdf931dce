import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { FAKE_MODEL, allText, eventually, lastRequest } from '../helpers/fake';
import { architectLogText } from '../helpers/log';
import { fileUri, openWithSelection, readText, withSetting, workspaceFolder, writeFile } from '../helpers/workspace';

suite('multi-root workspace (R31)', () => {
  const lm = useFakeModel();
  suiteSetup(() => {
    assert.deepStrictEqual(
      vscode.workspace.workspaceFolders?.map((folder) => folder.name),
      ['alpha', 'beta'],
    );
  });

  test('attached files are labelled with their folder, and exclusions match within each folder', async () => {
    await writeFile('.env', 'BETA_SECRET=do-not-send\n', 1);
    const result = await ask('@architect compare these two services, briefly please', {
      attach: [fileUri('src/users.ts', 0), fileUri('src/payments.ts', 1), fileUri('.env', 1)],
    });
    assert.strictEqual(result.errorDetails, undefined);
    const sent = allText(lastRequest(lm.fake));
    assert.ok(sent.includes('Attached file: alpha/src/users.ts'));
    assert.ok(sent.includes('Attached file: beta/src/payments.ts'));
    assert.ok(!sent.includes('do-not-send'));
  });

  test('R31: the same persona id in two folders: the first folder wins, and the log says so', async () => {
    const persona = (folder: string) =>
      `---\nname: Team ${folder}\ndescription: The ${folder} team's reviewer\n---\nTEAM-${folder.toUpperCase()} rules.\n`;
    await writeFile('.github/architect/team.md', persona('alpha'), 0);
    await writeFile('.github/architect/team.md', persona('beta'), 1);
    lm.restoreLater(await withSetting('architect.persona', 'team'));
    await eventually(
      async () => {
        await ask('@architect hello');
        return lastRequest(lm.fake).messages[0]?.text.startsWith('TEAM-ALPHA rules.');
      },
      15_000,
      "the first folder's persona",
    );
    assert.match(
      architectLogText(),
      /Persona "team" from alpha\/\.github\/architect\/team\.md overrides the one from beta\/\.github\/architect\/team\.md\./,
    );
  });

  test('R31: Generate Design Doc asks which folder, and saves there', async () => {
    lm.fake.behave({ reply: ['# API Design: Billing\n'] });
    const window = vscode.window as unknown as Record<string, unknown>;
    const originals = { input: window['showInputBox'], folder: window['showWorkspaceFolderPick'] };
    let asked = false;
    window['showInputBox'] = async () => 'Billing API';
    window['showWorkspaceFolderPick'] = async () => {
      asked = true;
      return workspaceFolder(1);
    };
    try {
      await vscode.commands.executeCommand('architect.clearFindings');
      const selected = await vscode.lm.selectChatModels(FAKE_MODEL);
      assert.ok(selected.length > 0);
      const restoreModel = await withSetting('architect.model', 'fakevendor/fake-1', vscode.ConfigurationTarget.Global);
      lm.restoreLater(restoreModel);
      const uri = await vscode.commands.executeCommand<vscode.Uri>('architect.generateDesignDoc');
      assert.ok(asked, 'the folder was not asked for');
      assert.strictEqual(uri?.toString(), vscode.Uri.joinPath(workspaceFolder(1).uri, 'docs', 'design', 'billing-api.md').toString());
      assert.strictEqual(await readText(uri), '# API Design: Billing\n');
    } finally {
      window['showInputBox'] = originals.input;
      window['showWorkspaceFolderPick'] = originals.folder;
    }
  });

  test('with the automation argument, the design doc goes to the first folder without asking', async () => {
    lm.fake.behave({ reply: ['# API Design: Auto\n'] });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('architect.generateDesignDoc', {
      description: 'Auto API',
      modelSelector: FAKE_MODEL,
    });
    assert.strictEqual(uri?.toString(), vscode.Uri.joinPath(workspaceFolder(0).uri, 'docs', 'design', 'auto-api.md').toString());
  });

  test('Review this API works on a file of the second folder', async () => {
    await ask('@architect hello');
    await openWithSelection(fileUri('src/payments.ts', 1), 2, 4);
    const result = (await vscode.commands.executeCommand('architect.reviewThisApi')) as { errorDetails?: unknown } | undefined;
    assert.strictEqual(result?.errorDetails, undefined);
    const piece = lastRequest(lm.fake).messages.find((message) => message.text.startsWith('Attached file: beta/src/payments.ts'));
    assert.match(piece?.text ?? '', /\(the user selected lines 2-4\)/);
  });

  test('R11: the exclusions of a folder hold even when a file of another folder is attached first', async () => {
    const betaSettings = vscode.workspace.getConfiguration('architect', workspaceFolder(1).uri);
    await betaSettings.update('exclude', ['secrets/**'], vscode.ConfigurationTarget.WorkspaceFolder);
    lm.restoreLater(() => Promise.resolve(betaSettings.update('exclude', undefined, vscode.ConfigurationTarget.WorkspaceFolder)));
    const secret = await writeFile('secrets/signing.ts', 'export const SIGNING_MATERIAL = "beta-only";\n', 1);
    const result = await ask('@architect compare these two files, briefly please', { attach: [fileUri('src/users.ts', 0), secret] });
    assert.strictEqual(result.errorDetails, undefined);
    assert.ok(!allText(lastRequest(lm.fake)).includes('SIGNING_MATERIAL'));
  });
});
