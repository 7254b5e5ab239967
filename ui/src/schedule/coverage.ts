// Coverage lines: naming a requirement, and editing lines as typed text.

import type { Role, Skill } from '../lib/bindings';
import type { CoverageLine, Requirement } from '../lib/scheduleTypes';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** "role:RN" or "skill:3": a stable key and select value for a requirement. */
export function requirementKey(r: Requirement): string {
  return r.kind === 'role' ? `role:${r.value}` : `skill:${r.value}`;
}

export function parseRequirement(key: string): Requirement | null {
  const [kind, value] = key.split(':');
  if (kind === 'role' && value) return { kind: 'role', value: value as Role };
  if (kind === 'skill' && /^\d+$/.test(value ?? '')) return { kind: 'skill', value: Number(value) };
  return null;
}

export function requirementLabel(r: Requirement, skills: readonly Skill[]): string {
  if (r.kind === 'role') return r.value;
  return skills.find((s) => s.id === r.value)?.name ?? `Skill ${r.value}`;
}

/** One line of the coverage editor: numbers as typed, so nothing is lost on a refusal. */
export interface CoverageDraft {
  key: number;
  shift_type_id: string;
  requirement: string;
  minimum: string[];
  target: string[];
}

export function toDraft(line: CoverageLine, key: number): CoverageDraft {
  return {
    key,
    shift_type_id: String(line.shift_type_id),
    requirement: requirementKey(line.requirement),
    minimum: line.minimum.map(String),
    target: line.target.map(String),
  };
}

export function emptyDraft(key: number, shiftTypeId: number | null): CoverageDraft {
  return {
    key,
    shift_type_id: shiftTypeId === null ? '' : String(shiftTypeId),
    requirement: 'role:RN',
    minimum: WEEKDAYS.map(() => '0'),
    target: WEEKDAYS.map(() => '0'),
  };
}

export type DraftResult = { lines: CoverageLine[]; errors: Record<string, string> };

/**
 * Turns the drafts into lines, or names what is wrong: error keys are
 * `<key>-shift`, `<key>-requirement`, `<key>-min-<day>` and `<key>-target-<day>`.
 */
export function fromDrafts(drafts: readonly CoverageDraft[]): DraftResult {
  const errors: Record<string, string> = {};
  const lines: CoverageLine[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    const shift = Number(d.shift_type_id);
    const requirement = parseRequirement(d.requirement);
    if (!d.shift_type_id || !Number.isInteger(shift)) errors[`${d.key}-shift`] = 'Choose a shift.';
    if (!requirement) errors[`${d.key}-requirement`] = 'Choose a role or skill.';
    const pair = `${d.shift_type_id}|${d.requirement}`;
    if (seen.has(pair)) errors[`${d.key}-requirement`] = 'This shift already has a line for this role or skill.';
    seen.add(pair);
    const num = (text: string, field: string) => {
      const t = text.trim() === '' ? '0' : text.trim();
      if (!/^\d{1,3}$/.test(t)) {
        errors[field] = 'Enter a whole number.';
        return 0;
      }
      return Number(t);
    };
    const minimum = d.minimum.map((m, i) => num(m, `${d.key}-min-${i}`));
    const target = d.target.map((t, i) => num(t, `${d.key}-target-${i}`));
    minimum.forEach((m, i) => {
      if (target[i] < m && !errors[`${d.key}-target-${i}`]) {
        errors[`${d.key}-target-${i}`] = `${WEEKDAYS[i]}: the target is below the minimum.`;
      }
    });
    if (requirement) lines.push({ shift_type_id: shift, requirement, minimum, target });
  }
  return { lines, errors };
}
