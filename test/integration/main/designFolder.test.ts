import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { FAKE_MODEL } from '../helpers/fake';
import { captureMessages } from '../helpers/messages';
import { exists, workspaceFolder } from '../helpers/workspace';

const DOC = '# API Design: Devices\n\n## Resource Model\n\nDevice { id }\n';

/**
 * Sets the folder, runs Generate Design Doc and the chat's Save with it, and checks both were refused
 * with the message a person reads and nothing was saved; the setting and the editors are put back.
 */
async function assertFolderRefused(lm: ReturnType<typeof useFakeModel>, setting: string, reason: RegExp): Promise<vscode.Uri | undefined> {
  const config = vscode.workspace.getConfiguration('architect');
  await config.update('designDocs.folder', setting, vscode.ConfigurationTarget.Workspace);
  const messages = captureMessages();
  try {
    lm.fake.behave({ reply: [DOC] });
    const generated = await vscode.commands.executeCommand<vscode.Uri | undefined>('architect.generateDesignDoc', {
      modelSelector: FAKE_MODEL,
      description: 'Devices',
    });
    const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('architect.saveDesignDoc', {
      description: 'Devices',
      text: DOC,
    });
    assert.strictEqual(saved, undefined);
    const errors = messages.shown.filter((message) => message.level === 'error').map((message) => message.text);
    assert.strictEqual(errors.length, 2, errors.join('\n'));
    for (const error of errors) {
      assert.ok(error.startsWith(`architect.designDocs.folder ("${setting}") cannot be used: `), error);
      assert.match(error, reason);
      assert.match(error, /Nothing was saved\./);
    }
    return generated;
  } finally {
    messages.restore();
    await config.update('designDocs.folder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
}

suite('design-docs folders that would put the document somewhere else', () => {
  const lm = useFakeModel();

  for (const [setting, reason, created] of [
    ['docs/CON/x', /"CON" is a device name on Windows/, 'docs/CON'],
    ['docs/x:stream', /"x:stream" holds ":"/, 'docs/x:stream'],
    ['.. /x', /"\.\. " ends with a dot or a space/, '.. '],
  ] as const) {
    test(`R57: the folder setting ${JSON.stringify(setting)} is refused with a clear message and nothing is written`, async () => {
      const generated = await assertFolderRefused(lm, setting, reason);
      assert.strictEqual(generated?.scheme, 'untitled', String(generated));
      assert.strictEqual(await exists(vscode.Uri.joinPath(workspaceFolder().uri, ...created.split('/'))), false, created);
    });
  }

  /**
   * Each case: the setting, the link it makes in the test workspace (relative path → target), where the
   * save would land through it, and the reason a person reads. The test uses Node fs to make the links.
   */
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'architect-elsewhere-'));
  const dangling = path.join(outside, 'never-made');
  for (const [setting, link, target, reason] of [
    ['docs/designs', 'docs/designs', outside, /it leads outside the workspace folder through a symbolic link/],
    ['linked/adr', 'linked', outside, /it leads outside the workspace folder through a symbolic link/],
    ['docs/dangling', 'docs/dangling', dangling, /it goes through a symbolic link whose target cannot be checked/],
  ] as const) {
    test(`R57: a design-docs folder ${setting} behind a symbolic link out of the workspace is refused with a clear message and nothing is written`, async () => {
      const linkPath = path.join(workspaceFolder().uri.fsPath, ...link.split('/'));
      fs.mkdirSync(path.dirname(linkPath), { recursive: true });
      fs.rmSync(linkPath, { recursive: true, force: true });
      fs.symlinkSync(target, linkPath, 'dir');
      try {
        const generated = await assertFolderRefused(lm, setting, reason);
        assert.strictEqual(generated?.scheme, 'untitled', 'the document stays in its editor, unsaved');
        assert.deepStrictEqual(fs.readdirSync(outside), [], 'something was written outside the workspace');
      } finally {
        fs.rmSync(linkPath, { force: true });
      }
    });
  }

  test('R57: a design-docs folder behind a symbolic link that stays inside the workspace is written where the link leads', async () => {
    const folder = workspaceFolder().uri.fsPath;
    const real = path.join(folder, 'docs', 'adr-real');
    const linkPath = path.join(folder, 'docs', 'adr');
    fs.mkdirSync(real, { recursive: true });
    fs.rmSync(linkPath, { recursive: true, force: true });
    fs.symlinkSync(real, linkPath, 'dir');
    const config = vscode.workspace.getConfiguration('architect');
    await config.update('designDocs.folder', 'docs/adr', vscode.ConfigurationTarget.Workspace);
    try {
      lm.fake.behave({ reply: [DOC] });
      const generated = await vscode.commands.executeCommand<vscode.Uri | undefined>('architect.generateDesignDoc', {
        modelSelector: FAKE_MODEL,
        description: 'Linked devices',
      });
      assert.strictEqual(generated?.scheme, 'file', String(generated));
      assert.deepStrictEqual(fs.readdirSync(real), ['linked-devices.md']);
      assert.strictEqual(fs.readFileSync(path.join(real, 'linked-devices.md'), 'utf8'), DOC);
    } finally {
      fs.rmSync(linkPath, { force: true });
      fs.rmSync(real, { recursive: true, force: true });
      await config.update('designDocs.folder', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  suiteTeardown(() => fs.rmSync(outside, { recursive: true, force: true }));
});
