import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { FAKE_MODEL } from '../helpers/fake';
import { captureMessages } from '../helpers/messages';
import { exists, workspaceFolder } from '../helpers/workspace';

const DOC = '# API Design: Devices\n\n## Resource Model\n\nDevice { id }\n';

suite('design-docs folders Windows would read as something else', () => {
  const lm = useFakeModel();

  for (const [setting, reason, created] of [
    ['docs/CON/x', /"CON" is a device name on Windows/, 'docs/CON'],
    ['docs/x:stream', /"x:stream" holds ":"/, 'docs/x:stream'],
    ['.. /x', /"\.\. " ends with a dot or a space/, '.. '],
  ] as const) {
    test(`R57: the folder setting ${JSON.stringify(setting)} is refused with a clear message and nothing is written`, async () => {
      const config = vscode.workspace.getConfiguration('architect');
      await config.update('designDocs.folder', setting, vscode.ConfigurationTarget.Workspace);
      const messages = captureMessages();
      try {
        lm.fake.behave({ reply: [DOC] });
        const generated = await vscode.commands.executeCommand<vscode.Uri | undefined>('architect.generateDesignDoc', {
          modelSelector: FAKE_MODEL,
          description: 'Devices',
        });
        assert.strictEqual(generated?.scheme, 'untitled', String(generated));
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
        assert.strictEqual(await exists(vscode.Uri.joinPath(workspaceFolder().uri, ...created.split('/'))), false, created);
      } finally {
        messages.restore();
        await config.update('designDocs.folder', undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    });
  }
});
