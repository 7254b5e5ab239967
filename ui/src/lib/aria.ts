import { tick } from 'svelte';

/** The aria-describedby value for a field: its hint and error elements, if shown. */
export function describedBy(id: string, error?: string | null, hint?: string | null): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** After a refused save, puts the cursor in the first field the backend flagged. */
export async function focusFirstInvalid(form: HTMLFormElement): Promise<void> {
  await tick();
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
