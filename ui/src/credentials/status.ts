// How one credential's status reads on its badge.

import type { CredentialStatus } from '../lib/bindings';
import type { Tone } from '../lib/format';

const STATUS: Record<CredentialStatus, { word: string; title: string; tone: Tone }> = {
  compliant: { word: 'Compliant', title: 'Current', tone: 'ok' },
  expiring: { word: 'Expiring', title: 'Expires within 90 days', tone: 'warn' },
  expired: { word: 'Expired', title: 'Past its expiry date', tone: 'bad' },
  missing: { word: 'Missing', title: 'Required for this role but not recorded', tone: 'missing' },
};

export function lineStatus(status: CredentialStatus): { word: string; title: string; tone: Tone } {
  return STATUS[status];
}
