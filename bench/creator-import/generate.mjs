// A deterministic 50k-row creator export as people bring them: mixed number
// spellings, quoted commas and line breaks, accents; every 20th row repeats
// an earlier creator (by profile link, "@HANDLE" or an email in capitals),
// every 100th row is bad in one of five ways.
const FIRST = ['Zoë', 'Maya', 'José', 'Łucja', 'Hugo', 'Priya', 'Lena', 'Kwame', 'Chloé', 'Jonas', 'Ngô', 'Sofía', 'Mikołaj', 'Ava', 'Théo', 'Inès'];
const LAST = ['Müller', 'Johnson', 'Núñez', 'Wiśniewska', 'Moreau', 'Khan', 'Schröder', 'Osei', 'Dubois', 'Becker', 'Bảo Châu', 'García', 'Kamiński', 'Chen', 'Girard', 'Faure'];
const PLACES = [['Germany', 'München'], ['US', 'Austin'], ['España', 'Sevilla'], ['Poland', 'Kraków'], ['France', 'Paris'], ['United Kingdom', 'London'], ['Vietnam', 'Hà Nội'], ['BR', 'São Paulo']];
const TAGS = ['vip', 'running', 'food', 'great-ugc', 'eu-shipping', 'video-first'];

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function followers(n, i) {
  switch (i % 4) {
    case 0: return String(n);
    case 1: return n.toLocaleString('en-US');
    case 2: return `${(n / 1000).toFixed(1)}K`;
    default: return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)}M` : String(n);
  }
}

export function generateImportCsv(rows) {
  const rnd = random(2026);
  const lines = ['Name,Instagram,Instagram followers,ER,TikTok,Email,Country,City,Tags,Notes'];
  const made = [];
  let duplicates = 0;
  let bad = 0;
  let warned = 0;
  for (let i = 0; i < rows; i++) {
    if (i % 100 === 50) {
      bad++;
      const handle = `bad.row.${i}`;
      const faults = [
        [`Bad ${i}`, `@${handle}`, '1200', '2%', '', `bad${i}@@example`, 'US', 'Austin', '', ''],
        [`Bad ${i}`, `@${handle}`, '-40', '2%', '', '', 'US', '', '', ''],
        [`Bad ${i}`, `@${handle}`, '1200', '250%', '', '', '', '', '', ''],
        [`Bad ${i}`, `@${handle}`, '1200', '', '', '', 'Atlantis', '', '', ''],
        [`Bad ${i}`, `Bad Handle ${i}`, '1200', '', '', '', '', '', '', ''],
      ];
      const fault = faults[bad % faults.length];
      // A country Fanfare does not know is kept in the notes as written, with a warning: the row is imported, not refused.
      if (fault[6] === 'Atlantis') warned++;
      lines.push(fault.map(cell).join(','));
      continue;
    }
    if (i % 20 === 19 && made.length > 0) {
      duplicates++;
      const original = made[Math.floor(rnd() * made.length)];
      const variants = [
        [original.name.toUpperCase(), `https://www.instagram.com/${original.handle}/`, '', '', '', '', '', '', '', ''],
        [`${original.name} (again)`, `@${original.handle.toUpperCase()}`, followers(original.followers, i), '', '', '', '', '', '', ''],
        [original.name, '', '', '', '', original.email.toUpperCase(), '', '', '', ''],
      ];
      lines.push(variants[duplicates % variants.length].map(cell).join(','));
      continue;
    }
    const first = FIRST[Math.floor(rnd() * FIRST.length)];
    const last = LAST[Math.floor(rnd() * LAST.length)];
    const name = `${first} ${last}`;
    const handle = `${first.normalize('NFKD').replace(/[^a-z]/gi, '').toLowerCase()}.${i}`;
    const count = Math.round(1000 * 2 ** (rnd() * 11));
    const [country, city] = PLACES[i % PLACES.length];
    const email = `${handle}@example.com`;
    const notes = i % 50 === 0 ? `Met at the fair, "great energy"\nFollow up in spring` : i % 7 === 0 ? 'Prefers email, then DMs' : '';
    made.push({ name, handle, email, followers: count });
    lines.push([name, `@${handle}`, followers(count, i), `${(rnd() * 9).toFixed(1)}%`, i % 3 === 0 ? `@${handle}.tt` : '', email, country, city, `${TAGS[i % TAGS.length]}, ${TAGS[(i + 2) % TAGS.length]}`, notes].map(cell).join(','));
  }
  return { csv: `${lines.join('\r\n')}\r\n`, expected: { rows, creators: made.length + warned, duplicates, bad: bad - warned, warned } };
}
