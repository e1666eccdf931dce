// What Architect read beside the code under review, as a person sees it in Agent mode: a /review of the
// route handlers lists, among the answer's references, the repository file that holds the queries they
// call (src/db/orders.ts), which the person never attached; with related code turned off in the Settings
// editor, it is not there. Typed and clicked like a person, on the page the earlier ui tests left.
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { person, SCREENSHOTS } from './person.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const QUESTION = '@architect /review what do these handlers call?';
const ANSWER = 'trusts its body';
/** A row of the references list naming the file of the queries: "orders.ts src/db" (a range may follow the name). */
const QUERIES_FILE = /^orders\.ts\S* .*\bsrc\/db\b/;
/** The file under review, which is always among them. */
const REVIEWED_FILE = /^orders\.ts\S* .*\bsrc\/routes\b/;

/** @type {Array<{ title: string, run: (page: import('playwright-core').Page) => Promise<void> }>} */
export const tests = [
  {
    title:
      'related code in Agent mode: a /review of the routes lists src/db/orders.ts among the references it used, and not with architect.context.related off',
    async run(page) {
      const you = person(page);
      await you.waitForWorkbench();
      await you.openFile('src/routes/orders.ts');
      await you.openChat();
      await you.waitForInputBar('Agent');
      // Room for the list: the chat made wider, as a person would, and put back at the end.
      const narrow = (await page.locator('.part.auxiliarybar').first().boundingBox())?.width ?? 0;
      const wide = await you.dragChatEdge(-300);
      try {
        // A person's first review of a file loads its TypeScript project; the review looked at is a later one.
        await you.newChat();
        await you.ask(QUESTION, { answerContains: [ANSWER] });
        await you.newChat();
        await you.ask(QUESTION, { answerContains: [ANSWER] });
        const used = await you.answerReferences();
        assert.ok(
          used.rows.some((row) => QUERIES_FILE.test(row)),
          `"${used.label}" does not list src/db/orders.ts: ${used.rows.join(' | ')}`,
        );
        // The mouse off the list, so that no row's hover (which names the file's full path on this machine) is drawn.
        await you.restTheMouse();
        const clip = await page.locator('.part.auxiliarybar').first().boundingBox();
        const shot = path.join(SCREENSHOTS, '07-related-code-references.png');
        await page.screenshot({ path: shot, ...(clip ? { clip } : {}) });
        if (process.env.ARCHITECT_UPDATE_DOC_IMAGES === '1')
          copyFileSync(shot, path.join(root, 'docs', 'images', 'related-code-references.png'));

        // The same review with related code turned off: the file under review is listed, the queries' file is not.
        await you.setCheckbox('architect.context.related', 'Context: Related', false);
        try {
          await you.newChat();
          await you.ask(QUESTION, { answerContains: [ANSWER] });
          const off = await you.answerReferences();
          assert.ok(
            off.rows.some((row) => REVIEWED_FILE.test(row)),
            `"${off.label}" does not list the file under review: ${off.rows.join(' | ')}`,
          );
          assert.ok(!off.rows.some((row) => QUERIES_FILE.test(row)), `related code was listed with it off: ${off.rows.join(' | ')}`);
        } finally {
          await you.setCheckbox('architect.context.related', 'Context: Related', true);
        }
      } finally {
        if (wide > narrow && narrow > 0) await you.dragChatEdge(wide - narrow);
      }
    },
  },
];
