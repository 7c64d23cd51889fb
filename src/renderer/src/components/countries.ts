/** Every region the browser can name, as Select options: "Poland" → "PL". */
const notCountries = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

let cached: { value: string; label: string }[] | null = null;

export function countryOptions(): { value: string; label: string }[] {
  if (cached) return cached;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const out: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (notCountries.has(code)) continue;
      const name = names.of(code);
      if (name && name !== code) out.push({ value: code, label: name });
    }
  }
  cached = out.sort((x, y) => x.label.localeCompare(y.label));
  return cached;
}

export function countryName(code: string): string {
  if (!code) return '';
  return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
}
