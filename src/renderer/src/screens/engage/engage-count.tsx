/** The number beside "Engage" in the navigation (built in issue 23). */
export function EngageCount() {
  return null;
}
