// The rest of a newcomer's first hour, after the first review (firstRun.ui.mjs, which runs first on the
// same page): apply a fix and see its squiggle go, edit a handler and review the change with /changes,
// and Review this API from the editor's context menu, which stays in the chat's mode. Typed and clicked
// like a person; a screenshot per step under out/ui-screenshots/.
import assert from 'node:assert/strict';
import { person, SCREENSHOTS, shot } from './person.mjs';

const FIXABLE = 'Error shape differs from the rest of the API';
const KEPT = 'Request body is cast, never validated';

/** @type {Array<{ title: string, run: (page: import('playwright-core').Page) => Promise<void> }>} */
export const tests = [
  {
    title: 'Apply Architect fix on a finding: the file changes, and its squiggle and Problems entry are gone',
    async run(page) {
      const you = person(page);
      const before = await you.waitForProblems((text) => text.includes(KEPT) && text.includes('Ln 23'), 'the review findings');
      assert.ok(before.includes(FIXABLE), before);
      await you.goToLine(23);
      const squiggles = await you.squiggles('info');
      assert.ok(squiggles >= 1, 'no squiggle under the finding on line 23');
      await you.quickFix("message: 'Order not found'", 'Apply Architect fix', { screenshot: `${SCREENSHOTS}/03-quick-fix.png` });
      const after = await you.waitForProblems((text) => !text.includes('Ln 23'), 'the applied finding gone');
      assert.ok(after.includes(KEPT), `the other findings went too:\n${after}`);
      assert.equal(await you.squiggles('info'), squiggles - 1, 'the squiggle of the applied finding is still drawn');
      await shot(page, '04-fix-applied');
    },
  },
  {
    title: '/changes after an edit: the change is reviewed, and the findings on lines it did not see stay',
    async run(page) {
      const you = person(page);
      await you.goToLine(10);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await you.typeAndSave("const limit = Number(req.query.get('limit') ?? 20);");
      await you.openChat();
      const chat = await you.ask('@architect /changes is the new limit safe?', { answerContains: ['The change caps'] });
      assert.ok(chat.includes('demo model'), `the answer does not say it is the demo model:\n${chat}`);
      const problems = await you.waitForProblems((text) => text.includes('limit is not validated or bounded'), "the change's finding");
      assert.ok(problems.includes(KEPT), `/changes removed a finding on lines it was not shown:\n${problems}`);
      await shot(page, '05-changes');
    },
  },
  {
    title: 'Review this API from the editor, in Agent mode: the chat stays in Agent mode and the file goes once',
    async run(page) {
      const you = person(page);
      assert.match(await you.inputBarText(), /\bAgent\b/, 'the chat is not in Agent mode before the command');
      const before = await you.conversation();
      await you.rightClickEditor('Review this API');
      await you.waitForAnswer('trusts its body', before);
      assert.match(await you.inputBarText(), /\bAgent\b/, 'Review this API switched the chat out of Agent mode');
      const chips = (await you.lastRequestAttachments()).filter((text) => text.includes('orders.ts'));
      assert.ok(chips.length <= 1, `orders.ts is attached ${chips.length} times: ${chips.join(' | ')}`);
      await shot(page, '06-review-this-api');
    },
  },
];
