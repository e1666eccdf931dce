// A newcomer's first run, typed like a person in `ARCHITECT_DEMO_MODEL=1 npm start`'s setup: the
// workbench in its default chat mode (Agent), the scripted demo model installed as an ordinary extension
// that contributes a language-model provider, as a BYOK or Ollama provider would be.
import assert from 'node:assert/strict';
import { person } from './person.mjs';

const UNAVAILABLE = 'Language model unavailable';
const LABEL = 'Scripted demo answer';

/** @type {Array<{ title: string, run: (page: import('playwright-core').Page) => Promise<void> }>} */
export const tests = [
  {
    title: 'first question: Ctrl+P orders.ts, Ctrl+Alt+I, @architect /review in Agent mode gets the scripted review',
    async run(page) {
      const you = person(page);
      await you.waitForWorkbench();
      await you.openFile('src/routes/orders.ts');
      await you.openChat();
      // Without a model in the picker the request would fail before @architect runs; a person sees it here.
      await you.waitForInputBar('Fake One');
      assert.match(await you.inputBarText(), /\bAgent\b/, 'the chat did not open in Agent mode');
      const chat = await you.ask('@architect /review what is wrong here?', { answerContains: ['trusts its body'] });
      assert.ok(!chat.includes(UNAVAILABLE), `VS Code answered "${UNAVAILABLE}":\n${chat}`);
      assert.ok(chat.includes(`${LABEL} from the test model "Fake One"`), `the answer is not labelled as scripted:\n${chat}`);
      assert.ok(chat.includes('trusts its body'), `the canned review of orders.ts is missing:\n${chat}`);
    },
  },
  {
    title: 'a model picked in the model picker in Agent mode is the one that answers @architect',
    async run(page) {
      const you = person(page);
      await you.pickModel('Fake One', 'Fake Two');
      const chat = await you.ask('@architect is pagination missing?', { answerContains: [`"Fake Two"`] });
      assert.ok(!chat.includes(UNAVAILABLE), `VS Code answered "${UNAVAILABLE}":\n${chat}`);
      assert.ok(chat.includes(`${LABEL} from the test model "Fake Two"`), `the picked model did not answer:\n${chat}`);
    },
  },
];
