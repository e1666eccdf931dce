import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { lastRequest } from '../helpers/fake';
import { fileUri, openWithSelection } from '../helpers/workspace';

suite('@architect end to end (real chat UI, fake model)', () => {
  const lm = useFakeModel();

  test('the extension activates and contributes its commands', async () => {
    const extension = vscode.extensions.getExtension('architect-tools.architect-chat');
    assert.ok(extension, 'architect-tools.architect-chat is not loaded');
    await extension.activate();
    const commands = await vscode.commands.getCommands(true);
    for (const command of [
      'architect.reviewThisApi',
      'architect.generateDesignDoc',
      'architect.selectPersona',
      'architect.clearFindings',
      'architect.showLog',
    ]) {
      assert.ok(commands.includes(command), `${command} is not registered`);
    }
  });

  test('@architect hello reaches the participant, which answers with the persona through the fake model', async () => {
    const result = await ask('@architect hello');
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    assert.strictEqual(result.metadata?.['persona'], 'backend-architect');
    assert.strictEqual(result.metadata?.['model'], 'fakevendor/fake-1');
    assert.strictEqual(result.metadata?.['command'], null);
    assert.strictEqual(result.metadata?.['outcome'], 'ok');
    const request = lastRequest(lm.fake);
    assert.match(request.messages[0]?.text ?? '', /^---|^# Backend Architect - The Systems Sage/);
    assert.ok(request.messages[0]?.text.includes('Dr. Marcus Rivera'), 'the persona comes first');
    assert.strictEqual(request.messages.at(-1)?.text, 'hello');
  });

  test('the selected lines reach the model after the persona, with their line numbers', async () => {
    const uri = fileUri('src/users.ts');
    await openWithSelection(uri, 9, 13);
    const result = await ask('@architect /review is this handler safe?', {
      attach: [{ uri, range: { startLineNumber: 9, startColumn: 1, endLineNumber: 13, endColumn: 2 } }],
    });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    const request = lastRequest(lm.fake);
    const [persona, ...rest] = request.messages;
    assert.ok(persona?.text.includes('Dr. Marcus Rivera'));
    assert.match(persona?.text ?? '', /Task: review the attached code/);
    const piece = rest.find((message) => message.text.startsWith('Attached file: src/users.ts'));
    assert.ok(piece, JSON.stringify(request.messages.map((message) => message.text.slice(0, 120))));
    assert.match(piece.text, /\(the user selected lines 9-13\)/);
    assert.match(piece.text, /10 \| export async function createUser/);
    assert.strictEqual(request.messages.at(-1)?.text, 'is this handler safe?');
  });
});
