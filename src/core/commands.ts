/** The participant's slash commands, as contributed in package.json. */
export const CHAT_COMMANDS = ['review', 'design', 'schema', 'security', 'diagnose'] as const;
export type ChatCommand = (typeof CHAT_COMMANDS)[number];

export function asChatCommand(name: string | undefined): ChatCommand | undefined {
  return CHAT_COMMANDS.find((command) => command === name);
}

/** Commands whose answer ends with an `architect-findings` block that becomes diagnostics. */
export function producesFindings(command: ChatCommand | undefined): boolean {
  return command === 'review' || command === 'security' || command === 'schema';
}

/**
 * Whether a request has enough to work on to be worth a model call. Reviews and audits need code, or
 * a question long enough to describe an API in words; anything else needs at least a question.
 */
export function hasEnoughToAnswer(command: ChatCommand | undefined, question: string, attachedCodePieces: number): boolean {
  if (attachedCodePieces > 0) return true;
  const asked = question.trim();
  if (command === 'review' || command === 'security') return asked.length >= MIN_DESCRIPTION_LENGTH;
  return asked.length > 0;
}

/** "review this" is not an API description; "POST /users takes an email and a role" is. */
const MIN_DESCRIPTION_LENGTH = 30;
