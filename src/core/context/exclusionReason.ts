import { GLOB_LIMITS } from '../glob/globLimits';
import { globRefusalReason } from '../glob/globRefusal';
import { english, groupDigits, type Translate } from '../i18n';
import { inertName } from '../protect/inertName';
import { type Exclusion } from './exclude';

/**
 * Why a file is excluded, as a clause for "{file} was not sent: {reason}." The pattern is named
 * inertly (it is a setting a workspace can set). A pattern that cannot be used says why, and that
 * every file stays excluded until it is fixed, so the user is never left thinking it protects them.
 */
export function exclusionReason(exclusion: Exclusion, t: Translate = english, throughLink = false): string {
  const pattern = inertName(exclusion.pattern);
  switch (exclusion.cause) {
    case 'matches':
      return throughLink
        ? t('it is a link to a file that matches the exclusion pattern "{0}" (setting architect.exclude)', pattern)
        : t('it matches the exclusion pattern "{0}" (setting architect.exclude)', pattern);
    case 'refused':
      return t(
        'the exclusion pattern "{0}" cannot be used: {1}; until it is fixed every file is treated as excluded (setting architect.exclude)',
        pattern,
        globRefusalReason(exclusion.refusal, t),
      );
    case 'too-many':
      return t(
        'the setting architect.exclude holds more than {0} patterns; until it is shortened every file is treated as excluded',
        GLOB_LIMITS.maxExcludePatterns,
      );
    case 'too-costly':
      return t(
        'checking its path against the exclusion patterns took more than {0} steps (at the pattern "{1}"), so it is treated as excluded (setting architect.exclude)',
        groupDigits(GLOB_LIMITS.stepsPerCheck),
        pattern,
      );
  }
}
