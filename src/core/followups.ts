import { type ChatCommand } from './commands';
import { english, type Translate } from './i18n';

export interface FollowupSuggestion {
  readonly prompt: string;
  readonly label: string;
  readonly command?: ChatCommand;
}

/** What to offer next after each kind of answer (DESIGN.md step 9). */
export function followupsFor(command: ChatCommand | undefined, t: Translate = english): FollowupSuggestion[] {
  const design: FollowupSuggestion = {
    prompt: 'Write a design document for this API',
    label: t('Write a design doc for this API'),
    command: 'design',
  };
  const security: FollowupSuggestion = {
    prompt: 'Audit this code against the security checklist',
    label: t('Run a security audit'),
    command: 'security',
  };
  const schema: FollowupSuggestion = {
    prompt: 'Review or propose the data model for this API',
    label: t('Review the data model'),
    command: 'schema',
  };
  const review: FollowupSuggestion = { prompt: 'Review this API', label: t('Review the code against this design'), command: 'review' };
  const diagnose: FollowupSuggestion = {
    prompt: 'What could make this slow under load?',
    label: t('Diagnose performance'),
    command: 'diagnose',
  };
  switch (command) {
    case 'review':
      return [design, security, schema];
    case 'design':
      return [review, schema];
    case 'schema':
      return [review, design];
    case 'security':
      return [review, diagnose];
    case 'diagnose':
      return [review, schema];
    default:
      return [review, design];
  }
}
