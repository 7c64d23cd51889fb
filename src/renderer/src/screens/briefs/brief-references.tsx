/** The swipe-file items a brief points at (built in issue 23). */
export function BriefReferences(_props: { brief: { id: string; references?: string[] }; readOnly: boolean }) {
  return null;
}
