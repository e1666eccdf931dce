// What Architect read beside the code under review, as a person sees it in Agent mode: a /review of the
// route handlers lists, among its references, the repository file that holds the queries they call
// (src/db/orders.ts), which the person never attached. Runs after newcomer.ui.mjs, on the same page.
import assert from 'node:assert/strict';
import { person, shot } from './person.mjs';

/** @type {Array<{ title: string, run: (page: import('playwright-core').Page) => Promise<void> }>} */
export const tests = [
  {
    title: 'related code in Agent mode: a /review of the routes shows src/db/orders.ts among the references it read',
    async run(page) {
      const you = person(page);
      await you.waitForWorkbench();
      await you.openFile('src/routes/orders.ts');
      await you.openChat();
      assert.match(await you.inputBarText(), /\bAgent\b/, 'the chat is not in Agent mode');
      // A new chat, so that the answer and its references are the only ones on screen.
      await page.keyboard.press('Control+L');
      await you.ask('@architect /review what do these handlers call?', { answerContains: ['trusts its body'] });
      // The chat folds the references under "Used N references": a person unfolds the last one.
      const used = page.locator('.interactive-session .chat-used-context-label').last();
      await used.waitFor({ timeout: 60_000 });
      await used.click();
      const list = page.locator('.interactive-session .chat-used-context-list').last();
      await list.waitFor({ timeout: 30_000 });
      const rows = (await list.innerText()).replace(/\s+/g, ' ');
      assert.match(rows, /orders\.ts[^|]*src[\\/]db|db[\\/]orders\.ts/, `the references do not name src/db/orders.ts: ${rows}`);
      await shot(page, '07-related-code-references');
    },
  },
];
