import { type Translate } from '../i18n';
import { type Persona } from '../persona/persona';
import { TASKS } from '../prompt/tasks';

/**
 * Every way of asking the architect, as data. A slash command, a free question and the Generate Design
 * Doc flow each have one entry here, and nothing else in the product branches on which one it is:
 * adding a command is one entry, its tests and its line in the manifest.
 */
export type IntentId = 'ask' | 'review' | 'design' | 'schema' | 'security' | 'diagnose' | 'changes' | 'designDoc';

/**
 * Where the code under discussion comes from: what is attached (or the active editor), or the changes of
 * a Git repository (the diff, read through the Git extension).
 */
export type ContextKind = 'attachments' | 'changes';

/** What the entry point does once the answer is complete. */
export type AfterAnswer = 'nothing' | 'offer-design-doc-save';

export interface Followup {
  readonly command: IntentId;
  readonly prompt: string;
  readonly label: (t: Translate) => string;
}

export interface IntentSpec {
  readonly id: IntentId;
  /** The slash command as contributed in package.json; null where the chat has none. */
  readonly slash: string | null;
  /** How the Architect log names requests of this kind. */
  readonly logName: string;
  /** What the model is asked to do, written against the persona's own standards. */
  readonly task: (persona: Persona) => string;
  /** Sent when the user typed nothing but the command. */
  readonly defaultQuestion: string;
  /** The short answer when there is nothing to work on: no model call is spent on it. */
  readonly nothingToAnswer: (t: Translate) => string;
  /**
   * Without attached code, how long the question must be to be worth a model call: a review needs an
   * API described in words ("POST /users takes an email and a role"), a question needs a word.
   */
  readonly minQuestionWithoutCode: number;
  readonly context: ContextKind;
  /** Whether the code it works on is reviewed, so that the related code (definitions, types, callers) is sent beside it. */
  readonly relatedCode: boolean;
  /** Whether the model may look around the workspace with the read-only tools. */
  readonly tools: boolean;
  /** Whether the answer ends with an `architect-findings` block that becomes diagnostics. */
  readonly findings: boolean;
  readonly followups: readonly Followup[];
  readonly afterAnswer: AfterAnswer;
}

const API_DESCRIPTION_LENGTH = 30;
const ANY_QUESTION = 1;

const NEXT = {
  review: { command: 'review', prompt: 'Review this API', label: (t) => t('Review the code against this design') },
  design: { command: 'design', prompt: 'Write a design document for this API', label: (t) => t('Write a design doc for this API') },
  security: { command: 'security', prompt: 'Audit this code against the security checklist', label: (t) => t('Run a security audit') },
  schema: { command: 'schema', prompt: 'Review or propose the data model for this API', label: (t) => t('Review the data model') },
  diagnose: { command: 'diagnose', prompt: 'What could make this slow under load?', label: (t) => t('Diagnose performance') },
} as const satisfies Record<string, Followup>;

const reviewNothing = (t: Translate) =>
  t(
    'There is no code to look at. Select the code of an API handler (or open its file) and ask again, attach a file with #file, or describe the API in your message.',
  );

/** What /design and Generate Design Doc share: the same task; only where the answer goes differs. */
const DESIGN_DOCUMENT = {
  task: TASKS.design,
  defaultQuestion: 'Write a design document for the attached code.',
  nothingToAnswer: (t: Translate) =>
    t('Tell me what to design, for example: /design REST API for managing projects. I can base it on attached code too.'),
  minQuestionWithoutCode: ANY_QUESTION,
  context: 'attachments',
  relatedCode: false,
  tools: false,
  findings: false,
} as const satisfies Partial<IntentSpec>;

type SlashDefault = 'context' | 'afterAnswer' | 'minQuestionWithoutCode';

/**
 * A chat slash command: `/id` in the chat and the log, about attached code, nothing to do after the answer,
 * any question worth a call; `fields` says the rest (and may say otherwise).
 */
function slashCommand(
  id: IntentId,
  fields: Omit<IntentSpec, 'id' | 'slash' | 'logName' | SlashDefault> & Partial<Pick<IntentSpec, SlashDefault>>,
): IntentSpec {
  return {
    id,
    slash: id,
    logName: `/${id}`,
    context: 'attachments',
    afterAnswer: 'nothing',
    minQuestionWithoutCode: ANY_QUESTION,
    ...fields,
  };
}

export const INTENTS: Readonly<Record<IntentId, IntentSpec>> = {
  ask: {
    id: 'ask',
    slash: null,
    logName: 'chat',
    task: TASKS.ask,
    defaultQuestion: 'What do you think of the attached code?',
    nothingToAnswer: (t) =>
      t('Ask me about your API or attach code (select it, or use #file). Try /review, /design, /schema, /security or /diagnose.'),
    minQuestionWithoutCode: ANY_QUESTION,
    context: 'attachments',
    relatedCode: true,
    tools: true,
    findings: false,
    followups: [NEXT.review, NEXT.design],
    afterAnswer: 'nothing',
  },
  review: slashCommand('review', {
    task: TASKS.review,
    defaultQuestion: 'Review the attached code.',
    nothingToAnswer: reviewNothing,
    minQuestionWithoutCode: API_DESCRIPTION_LENGTH,
    relatedCode: true,
    tools: true,
    findings: true,
    followups: [NEXT.design, NEXT.security, NEXT.schema],
  }),
  design: slashCommand('design', {
    ...DESIGN_DOCUMENT,
    followups: [NEXT.review, NEXT.schema],
    afterAnswer: 'offer-design-doc-save',
  }),
  schema: slashCommand('schema', {
    task: TASKS.schema,
    defaultQuestion: 'Review the data model in the attached code.',
    nothingToAnswer: (t) =>
      t(
        'There is no data model to look at. Attach a SQL file, a migration or your ORM models (select them or use #file), or describe the data you need to store.',
      ),
    relatedCode: true,
    tools: false,
    findings: true,
    followups: [NEXT.review, NEXT.design],
  }),
  security: slashCommand('security', {
    task: TASKS.security,
    defaultQuestion: 'Audit the attached code for security.',
    nothingToAnswer: reviewNothing,
    minQuestionWithoutCode: API_DESCRIPTION_LENGTH,
    relatedCode: true,
    tools: false,
    findings: true,
    followups: [NEXT.review, NEXT.diagnose],
  }),
  diagnose: slashCommand('diagnose', {
    task: TASKS.diagnose,
    defaultQuestion: 'Diagnose what could make the attached code slow or failing.',
    nothingToAnswer: (t) =>
      t('Describe what is slow or failing (the endpoint, what you measured) and attach the handler with #file or a selection.'),
    relatedCode: true,
    tools: true,
    findings: false,
    followups: [NEXT.review, NEXT.schema],
  }),
  changes: slashCommand('changes', {
    task: TASKS.changes,
    defaultQuestion: 'Review these changes.',
    // The gatherer says why there is nothing (no repository, nothing changed, an unknown ref); this is the rest.
    nothingToAnswer: (t) => t('There are no changes to review: nothing that changed could be sent.'),
    minQuestionWithoutCode: Number.POSITIVE_INFINITY,
    context: 'changes',
    relatedCode: true,
    tools: false,
    findings: true,
    followups: [NEXT.security, NEXT.schema],
  }),
  // Generate Design Doc: the /design task, written to a file rather than the chat.
  designDoc: {
    id: 'designDoc',
    slash: null,
    logName: 'design-doc',
    ...DESIGN_DOCUMENT,
    followups: [],
    afterAnswer: 'nothing',
  },
};

/** The entries the chat offers as slash commands, in table order. */
export const SLASH_COMMANDS: readonly IntentSpec[] = Object.values(INTENTS).filter((spec) => spec.slash !== null);

/** The entry for a chat request: its slash command, or a free question when there is none (or an unknown one). */
export function intentForSlash(slash: string | undefined): IntentSpec {
  return SLASH_COMMANDS.find((spec) => spec.slash === slash) ?? INTENTS.ask;
}

/** Whether a request has enough to work on to be worth a model call. */
export function hasEnoughToAnswer(spec: IntentSpec, question: string, attachedCodePieces: number): boolean {
  return attachedCodePieces > 0 || question.trim().length >= spec.minQuestionWithoutCode;
}

/** The task with the findings format appended where the command expects findings. */
export function taskText(spec: IntentSpec, persona: Persona): string {
  const as = `You are answering as ${persona.name}, following the values and standards above.`;
  const parts = [as, spec.task(persona), ...(spec.findings ? [TASKS.findingsFormat] : [])];
  return parts.join('\n\n');
}
