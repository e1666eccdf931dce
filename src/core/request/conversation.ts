import { questionWithQuotedFinding } from '../findings/askAboutFinding';
import { redactText } from '../redact/findSecrets';
import { type HistoryTurn } from './plan';

export interface Conversation {
  readonly question: string;
  readonly history: readonly HistoryTurn[];
  readonly redactions: number;
}

/**
 * The user's own words and earlier turns go to the model too: a token pasted into the chat is
 * redacted there as well. An empty question becomes the command's default question.
 */
export async function protectConversation(
  question: string,
  defaultQuestion: string,
  history: readonly HistoryTurn[],
  redact: boolean,
): Promise<Conversation> {
  const redactIf = async (text: string) => (redact ? redactText(text) : { text, count: 0 });
  // A finding a person asks about travels quoted, as data, never as their own words (in history too).
  const asked = question.trim() === '' ? { text: defaultQuestion, count: 0 } : await redactIf(questionWithQuotedFinding(question));
  const turns = await Promise.all(
    history.map(async (turn) => {
      const [request, response] = await Promise.all([redactIf(questionWithQuotedFinding(turn.request)), redactIf(turn.response)]);
      return { turn: { request: request.text, response: response.text }, count: request.count + response.count };
    }),
  );
  return {
    question: asked.text,
    history: turns.map((item) => item.turn),
    redactions: asked.count + turns.reduce((sum, item) => sum + item.count, 0),
  };
}
