import { type Persona } from '../persona/persona';
import { ATTACHED_CONTENT_RULES } from './tasks';

export interface PromptMessage {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

/**
 * The first message: persona, task, and the rule that attached content is data. It is never cut. The
 * stable API has no system role, so it goes as a User message (docs/ARCHITECTURE.md, "The prompt").
 */
export function instructionsMessage(persona: Persona, task: string): PromptMessage {
  return { role: 'user', text: `${persona.body}\n\n---\n\n${task}\n\n${ATTACHED_CONTENT_RULES}` };
}

/**
 * Persona and task first, then the team's conventions (instruction files) when there are any, then earlier
 * turns, then one message per attached piece, the question last. The conventions sit right after the
 * persona so that the start of the prompt is the same on every turn.
 */
export function assemblePrompt(
  instructions: PromptMessage,
  conventions: PromptMessage | undefined,
  history: readonly PromptMessage[],
  pieces: readonly string[],
  question: string,
): PromptMessage[] {
  return [
    instructions,
    ...(conventions ? [conventions] : []),
    ...history,
    ...pieces.map((text): PromptMessage => ({ role: 'user', text })),
    { role: 'user', text: question },
  ];
}
