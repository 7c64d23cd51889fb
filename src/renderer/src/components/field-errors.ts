/** Map command field paths ("accounts.0.handle") onto a form's inputs: the first message at or under any of the paths. */
export function errorFor(fields: Record<string, string>, ...paths: string[]): string | undefined {
  for (const path of paths) for (const [key, message] of Object.entries(fields)) if (key === path || key.startsWith(`${path}.`)) return message;
  return undefined;
}
