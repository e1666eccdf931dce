// A newcomer's first run, typed like a person in a plain `npm start`'s setup (no environment variable):
// the workbench in its default chat mode (Agent), the scripted demo model installed by default as an
// ordinary extension that contributes a language-model provider, as a BYOK or Ollama provider would be.
// The steps are the ones `npm start` prints and the README's Quick start lists.
import assert from 'node:assert/strict';
import { START_FILE_QUERY } from '../runtime/serve.mjs';
import { person, shot } from './person.mjs';

const UNAVAILABLE = 'Language model unavailable';
const LABEL = 'Scripted demo answer';

/** @type {Array<{ title: string, run: (page: import('playwright-core').Page) => Promise<void> }>} */
export const tests = [
  {
    title: `first question: Ctrl+P ${START_FILE_QUERY} opens src/routes/orders.ts, Ctrl+Alt+I, @architect /review in Agent mode gets the demo review`,
    async run(page) {
      const you = person(page);
      await you.waitForWorkbench();
      const opened = await you.openFirstMatch(START_FILE_QUERY);
      assert.match(opened, /^src\/routes\/orders\.ts/, `the start hint's "${START_FILE_QUERY}" opened ${opened}`);
      await shot(page, '01-start-file');
      await you.openChat();
      // Without a model in the picker the request would fail before @architect runs; a person sees it here.
      await you.waitForInputBar('Fake One');
      assert.match(await you.inputBarText(), /\bAgent\b/, 'the chat did not open in Agent mode');
      const chat = await you.ask('@architect /review what is wrong here?', { answerContains: ['trusts its body'] });
      assert.ok(!chat.includes(UNAVAILABLE), `VS Code answered "${UNAVAILABLE}":\n${chat}`);
      assert.ok(chat.includes(`${LABEL} from the demo model "Fake One"`), `the answer does not say it is the demo model:\n${chat}`);
      assert.ok(chat.includes('trusts its body'), `the canned review of orders.ts is missing:\n${chat}`);
      await shot(page, '02-review');
    },
  },
  {
    title: 'a model picked in the model picker in Agent mode is the one that answers @architect',
    async run(page) {
      const you = person(page);
      await you.pickModel('Fake One', 'Fake Two');
      const chat = await you.ask('@architect is pagination missing?', { answerContains: [`"Fake Two"`] });
      assert.ok(!chat.includes(UNAVAILABLE), `VS Code answered "${UNAVAILABLE}":\n${chat}`);
      assert.ok(chat.includes(`${LABEL} from the demo model "Fake Two"`), `the picked model did not answer:\n${chat}`);
    },
  },
];
