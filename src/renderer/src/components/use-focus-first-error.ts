import { useEffect, useRef } from 'react';

/**
 * After a refused save, focus goes to the first field that says what is wrong
 * (not left on the Save button), so the person can fix it straight away.
 * Give the returned ref to the form; pass the form's per-field errors.
 */
export function useFocusFirstError<E extends HTMLElement = HTMLFormElement>(errors: Record<string, string>) {
  const form = useRef<E>(null);
  useEffect(() => {
    if (!Object.keys(errors).length) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return form;
}
