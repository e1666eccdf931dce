import * as assert from 'assert';
import * as vscode from 'vscode';
import { fingerprintLines } from '../../../src/core/findings/fingerprint';
import { ask } from '../helpers/chat';
import { allText, eventually, fakeLm, lastRequest, type FakeLm } from '../helpers/fake';
import { clickButton } from '../helpers/runner';
import { fileUri, writeFile } from '../helpers/workspace';

const GITHUB_TOKEN = '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';

suite('Workspace Trust (R05)', () => {
  let fake: FakeLm;
  suiteSetup(async () => {
    fake = await fakeLm();
    // The runner puts .github/architect/team.md and a .vscode/settings.json that sets the persona and
    // tries to switch redaction and exclusions off in the workspace before VS Code starts.
    await writeFile('src/token.ts', `export const token = "${GITHUB_TOKEN}";\n`);
  });
  setup(() => fake.reset());

  test('R05: in an untrusted workspace, workspace personas are not loaded and protection stays on', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'this suite must start untrusted');
    const result = await ask('@architect /review', { attach: [fileUri('src/token.ts'), fileUri('.env')] });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    assert.strictEqual(result.metadata?.['persona'], 'backend-architect');
    assert.match(String(result.metadata?.['personaWarning']), /^Persona "team" was not found/);
    const sent = allText(lastRequest(fake));
    assert.ok(!sent.includes('WORKSPACE-PERSONA'));
    assert.ok(!sent.includes(GITHUB_TOKEN), 'a workspace setting switched redaction off in Restricted Mode');
    assert.ok(!sent.includes('fixture-password-do-not-send'), 'a workspace setting emptied the exclusions in Restricted Mode');
  });

  test('R05: in Restricted Mode no related code is gathered: the file a handler imports is not sent', async () => {
    await writeFile(
      'src/ordersRepo.ts',
      'export function findOrders(term: string) {\n  return "SELECT * FROM orders WHERE note = " + term;\n}\n',
    );
    await writeFile(
      'src/handler.ts',
      "import { findOrders } from './ordersRepo';\n\nexport const search = (q: string) => findOrders(q);\n",
    );
    const result = await ask('@architect /review', { attach: [fileUri('src/handler.ts')] });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    const sent = allText(lastRequest(fake));
    assert.ok(sent.includes('findOrders(q)'), 'the attached handler was not sent');
    assert.ok(!sent.includes('Related code') && !sent.includes('SELECT * FROM orders'), 'related code was sent in Restricted Mode');
    assert.deepStrictEqual(result.metadata?.['related'] ?? [], []);
  });

  test('/changes in Restricted Mode says Git is unavailable there, with no model request', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'this test must run before trust is granted');
    const result = await ask('@architect /changes');
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    assert.strictEqual(result.metadata?.['command'], 'changes');
    assert.strictEqual(result.metadata?.['outcome'], 'answered-without-model');
    assert.match(String(result.metadata?.['answerWithoutModel']), /^Git is not available in Restricted Mode/);
    assert.strictEqual(fake.received.length, 0);
  });

  test("R05: in an untrusted workspace, the team's instruction files are not sent, not even as attachments", async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'this suite must start untrusted');
    const result = await ask('@architect /review', { attach: [fileUri('src/users.ts')] });
    assert.strictEqual(result.errorDetails, undefined, JSON.stringify(result.errorDetails));
    const sent = allText(lastRequest(fake));
    assert.ok(!sent.includes('UNTRUSTED-TEAM-RULE'), 'AGENTS.md reached the model in Restricted Mode');
    assert.ok(!sent.includes('UNTRUSTED-COPILOT-RULE'), 'copilot-instructions.md reached the model in Restricted Mode');
    assert.deepStrictEqual(result.metadata?.['instructions'], []);
  });

  test('R05: in Restricted Mode the ignore file is not read, so a finding it lists is still reported', async () => {
    const code = 'export const q = "SELECT * FROM t WHERE id = " + id;';
    const uri = await writeFile('src/query.ts', `${code}\n`);
    const entry = { file: 'src/query.ts', title: 'SQL built from strings', fingerprint: fingerprintLines([code]) };
    const ignoreFile = await writeFile('.github/architect/ignored-findings.json', JSON.stringify([entry]));
    const finding = { line: 1, severity: 'high', title: 'SQL built from strings' };
    fake.behave({ reply: ['Findings.\n\n```architect-findings\n', JSON.stringify([finding]), '\n```\n'] });
    const result = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(result.metadata?.['findings'], 1);
    assert.strictEqual(result.metadata?.['ignored'], 0);
    await vscode.workspace.fs.delete(ignoreFile);
  });

  test('R05: once the user grants trust, the workspace persona loads [ui]', async () => {
    await vscode.commands.executeCommand('workbench.trust.manage');
    await clickButton('^Trust( Folder)?$');
    await eventually(() => vscode.workspace.isTrusted, 15_000, 'the workspace to be trusted');
    await eventually(async () => (await ask('@architect hello')).metadata?.['persona'] === 'team', 15_000, 'the workspace persona to load');
    assert.ok(lastRequest(fake).messages[0]?.text.startsWith('WORKSPACE-PERSONA rules.'));
    assert.ok(allText(lastRequest(fake)).includes('UNTRUSTED-TEAM-RULE'), 'once trusted, the team rules are sent');
  });
});
