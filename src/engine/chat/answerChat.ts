import * as vscode from 'vscode';
import { intentForSlash } from '../../core/intents/intentTable';
import { withWorkspaceRelativeLinks } from '../../core/request/historyLinks';
import { type HistoryTurn } from '../../core/request/plan';
import { SAVE_DESIGN_DOC_COMMAND } from '../commands/designDocCommands';
import { takeReviewTarget } from '../commands/reviewTarget';
import { gatherChatContext } from '../context/gatherContext';
import { UriTable } from '../context/uriTable';
import { gatherChangesContext } from '../git/changesGatherer';
import { splitInstructionReferences } from '../instructions/instructionReferences';
import { t } from '../../common/l10n';
import { runPipeline, type GatheredContext, type PipelineDeps } from '../pipeline/requestPipeline';
import { type PersonaStore } from '../../activation/personas/personaStore';
import { chatSink } from './chatSink';

export interface ChatDeps extends PipelineDeps {
  readonly personas: PersonaStore;
}

/** One `@architect` request: the shared pipeline, with the chat's references as context and its stream as sink. */
export async function answerChat(
  request: vscode.ChatRequest,
  chatContext: vscode.ChatContext,
  stream: vscode.ChatResponseStream,
  token: vscode.CancellationToken,
  deps: ChatDeps,
): Promise<vscode.ChatResult> {
  const spec = intentForSlash(request.command);
  // The team's rules the chat attached are never reviewed as code: they travel as rules.
  const split = splitInstructionReferences(request.references);
  if (split.recognisedIds.length > 0) deps.log.debug(`instruction references from the chat: ${split.recognisedIds.join(', ')}`);
  const scope = scopeOf(split.others);
  let action: vscode.Command | undefined;
  const result = await runPipeline(
    {
      spec,
      question: request.prompt,
      history: historyOf(chatContext),
      model: request.model,
      token,
      justification: t('Architect reviews and designs APIs with this model.'),
      gather: async (): Promise<GatheredContext> => {
        const uris = new UriTable();
        if (spec.context === 'changes') {
          const changes = await gatherChangesContext(request.prompt, uris);
          action = changes.action;
          return changes;
        }
        const target = spec.id === 'review' ? takeReviewTarget() : undefined;
        return { context: [{ kind: 'attachments', sources: await gatherChatContext(split.others, uris, target) }], uris, scope };
      },
      persona: () => deps.personas.active(scope),
      attachedInstructions: split.instructionFiles,
    },
    chatSink(stream),
    deps,
  );
  if (action && result.metadata.outcome === 'answered-without-model') stream.button(action);
  if (result.metadata.outcome === 'ok' && spec.afterAnswer === 'offer-design-doc-save' && result.answer.trim() !== '') {
    const args = { description: request.prompt, text: result.answer.trim() + '\n' };
    stream.button({ command: SAVE_DESIGN_DOC_COMMAND, title: t('Save as design doc'), arguments: [args] });
  }
  return { metadata: result.metadata, ...(result.error === undefined ? {} : { errorDetails: { message: result.error } }) };
}

/** The resource whose settings apply: the first attached file, else the active editor's. */
function scopeOf(references: readonly vscode.ChatPromptReference[]): vscode.Uri | undefined {
  for (const reference of references) {
    if (reference.value instanceof vscode.Uri) return reference.value;
    if (reference.value instanceof vscode.Location) return reference.value.uri;
  }
  return vscode.window.activeTextEditor?.document.uri;
}

/** Earlier `@architect` turns as plain text pairs, oldest first; links keep workspace-relative paths. */
function historyOf(chatContext: vscode.ChatContext): HistoryTurn[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString());
  const turns: HistoryTurn[] = [];
  let pending: string | undefined;
  for (const turn of chatContext.history) {
    if (turn instanceof vscode.ChatRequestTurn) {
      pending = (turn.command ? `/${turn.command} ` : '') + turn.prompt;
    } else if (turn instanceof vscode.ChatResponseTurn && pending !== undefined) {
      const text = turn.response
        .map((part) => (part instanceof vscode.ChatResponseMarkdownPart ? part.value.value : ''))
        .join('')
        .trim();
      if (text !== '') turns.push({ request: pending, response: withWorkspaceRelativeLinks(text, folders) });
      pending = undefined;
    }
  }
  return turns;
}
