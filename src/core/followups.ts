import { type ChatCommand } from './commands';

export interface FollowupSuggestion {
  readonly prompt: string;
  readonly label: string;
  readonly command?: ChatCommand;
}

/** What to offer next after each kind of answer (DESIGN.md step 9). */
export function followupsFor(command: ChatCommand | undefined): FollowupSuggestion[] {
  const design = { prompt: 'Write a design document for this API', label: 'Write a design doc for this API', command: 'design' } as const;
  const security = { prompt: 'Audit this code against the security checklist', label: 'Run a security audit', command: 'security' } as const;
  const schema = { prompt: 'Review or propose the data model for this API', label: 'Review the data model', command: 'schema' } as const;
  const review = { prompt: 'Review this API', label: 'Review the code against this design', command: 'review' } as const;
  const diagnose = { prompt: 'What could make this slow under load?', label: 'Diagnose performance', command: 'diagnose' } as const;
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
