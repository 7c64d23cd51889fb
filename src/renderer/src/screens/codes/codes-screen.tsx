export function CodesScreen() {
  return null;
}
