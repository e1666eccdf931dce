import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { askInAgentMode } from '../helpers/chat';
import { lastRequest } from '../helpers/fake';
import { fileUri } from '../helpers/workspace';

/**
 * One request per slash command in Agent mode, the mode VS Code 1.139 opens the chat in (the other
 * suites use ask mode). A new command is one more row.
 */
const AGENT_MODE_REQUESTS: ReadonlyArray<{
  readonly command: string;
  readonly question: string;
  readonly attach?: string;
  /** Answered without a model here: this suite's workspace is no Git repository (the git suite has the rest). */
  readonly withoutModel?: boolean;
}> = [
  { command: 'review', question: 'is this handler safe?', attach: 'src/users.ts' },
  { command: 'design', question: 'a REST API for managing projects with owners and members' },
  { command: 'schema', question: 'which constraints and indexes are missing?', attach: 'src/db.ts' },
  { command: 'security', question: 'audit this handler', attach: 'src/users.ts' },
  { command: 'diagnose', question: 'POST /users takes 3 seconds under load', attach: 'src/users.ts' },
  { command: 'changes', question: 'is the error handling right?', withoutModel: true },
];

suite('@architect in Agent mode (the chat default)', () => {
  const lm = useFakeModel();

  test('every slash command the participant contributes has an Agent-mode request below', () => {
    const manifest = vscode.extensions.getExtension('architect-tools.architect-chat')?.packageJSON as
      { contributes: { chatParticipants: Array<{ commands: Array<{ name: string }> }> } } | undefined;
    const contributed = (manifest?.contributes.chatParticipants[0]?.commands ?? []).map((command) => command.name).sort();
    assert.ok(contributed.length > 0, 'no slash commands found in the manifest');
    assert.deepStrictEqual(AGENT_MODE_REQUESTS.map((request) => request.command).sort(), contributed);
  });

  for (const { command, question, attach, withoutModel } of AGENT_MODE_REQUESTS) {
    test(`/${command} in Agent mode reaches the participant and answers${withoutModel ? '' : ' through the selected model'}`, async () => {
      const result = await askInAgentMode(`@architect /${command} ${question}`, attach ? { attach: [fileUri(attach)] } : {});
      assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
      assert.strictEqual(result.metadata?.['command'], command);
      if (withoutModel) {
        assert.strictEqual(result.metadata?.['outcome'], 'answered-without-model');
        assert.strictEqual(lm.fake.received.length, 0);
        return;
      }
      assert.strictEqual(result.metadata?.['model'], 'fakevendor/fake-1');
      assert.strictEqual(result.metadata?.['outcome'], 'ok');
      const request = lastRequest(lm.fake);
      assert.strictEqual(request.model, 'fake-1');
      assert.ok(request.messages[0]?.text.includes('Dr. Marcus Rivera'), 'the persona comes first');
      assert.strictEqual(request.messages.at(-1)?.text, question);
      if (attach) {
        const pieces = request.messages.filter((message) => message.text.startsWith(`Attached file: ${attach}`));
        assert.strictEqual(pieces.length, 1, JSON.stringify(request.messages.map((message) => message.text.slice(0, 120))));
      }
    });
  }
});
