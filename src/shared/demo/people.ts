/** Names and places across the markets our users sell into, diacritics included on purpose. */
export interface DemoLocale { country: string; language: string; cities: readonly (readonly [string, string])[]; first: readonly string[]; last: readonly string[] }

export const locales: readonly DemoLocale[] = [
  { country: 'US', language: 'en', cities: [['New York', 'NY'], ['Austin', 'TX'], ['Los Angeles', 'CA'], ['Chicago', 'IL']], first: ['Maya', 'Jordan', 'Ava', 'Tyler', 'Chloe', 'Marcus', 'Riley', 'Destiny'], last: ['Johnson', 'Rivera', 'Chen', 'Brooks', 'Patel', 'Williams', 'Nguyen', 'Carter'] },
  { country: 'GB', language: 'en', cities: [['London', 'England'], ['Manchester', 'England'], ['Glasgow', 'Scotland']], first: ['Olivia', 'Harry', 'Amelia', 'Freddie', 'Isla', 'Priya'], last: ['Smith', 'Taylor', 'Evans', 'Hughes', 'Khan', 'Murphy'] },
  { country: 'PL', language: 'pl', cities: [['Warszawa', 'Mazowieckie'], ['Kraków', 'Małopolskie'], ['Gdańsk', 'Pomorskie']], first: ['Zofia', 'Łukasz', 'Małgorzata', 'Paweł', 'Żaneta', 'Wojciech'], last: ['Łukasiewicz', 'Kowalska', 'Wiśniewski', 'Zieliński', 'Dąbrowska', 'Nowak'] },
  { country: 'DE', language: 'de', cities: [['Berlin', 'Berlin'], ['München', 'Bayern'], ['Hamburg', 'Hamburg']], first: ['Lena', 'Jonas', 'Zoë', 'Lukas', 'Mia', 'Felix'], last: ['Müller', 'Schröder', 'Weiß', 'Becker', 'Hoffmann', 'Krüger'] },
  { country: 'FR', language: 'fr', cities: [['Paris', 'Île-de-France'], ['Lyon', 'Auvergne-Rhône-Alpes'], ['Marseille', "Provence-Alpes-Côte d'Azur"]], first: ['Camille', 'Léa', 'Hugo', 'Chloé', 'Théo', 'Inès'], last: ['Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Bézier', 'Fontaine'] },
  { country: 'GR', language: 'el', cities: [['Αθήνα', 'Αττική'], ['Θεσσαλονίκη', 'Μακεδονία']], first: ['Ψυχή', 'Ελένη', 'Νίκος', 'Μαρία'], last: ['Παπαδοπούλου', 'Γεωργίου', 'Νικολάου'] },
  { country: 'UA', language: 'uk', cities: [['Київ', 'Київська'], ['Львів', 'Львівська']], first: ['Алёна', 'Олена', 'Тарас', 'Ірина'], last: ['Шевченко', 'Коваленко', 'Бондаренко'] },
  { country: 'VN', language: 'vi', cities: [['Hà Nội', 'Hà Nội'], ['Hồ Chí Minh', 'Hồ Chí Minh']], first: ['Nguyễn Thị', 'Trần Văn', 'Lê Thu', 'Phạm Minh'], last: ['Hương', 'An', 'Hà', 'Tuấn'] },
  { country: 'BR', language: 'pt', cities: [['São Paulo', 'SP'], ['Rio de Janeiro', 'RJ']], first: ['Beatriz', 'João', 'Larissa', 'Gabriel'], last: ['Conceição', 'Araújo', 'Gonçalves', 'Ribeiro'] },
  { country: 'ES', language: 'es', cities: [['Madrid', 'Madrid'], ['Barcelona', 'Cataluña'], ['Sevilla', 'Andalucía']], first: ['Lucía', 'Martín', 'Sofía', 'Álvaro'], last: ['García', 'Fernández', 'Muñoz', 'Pérez'] },
] as const;

export const niches = ['skincare', 'makeup', 'fitness', 'running', 'wellness', 'fashion', 'sustainable living', 'food', 'travel', 'parenting', 'home', 'tech', 'gaming', 'outdoors', 'yoga', 'pets'] as const;
export const tags = ['vip', 'responsive', 'great-ugc', 'gifted-before', 'slow-reply', 'video-first', 'usa-shipping', 'eu-shipping', 'affiliate-ready', 'long-form'] as const;
export const safetyFlags = ['political content', 'competitor partnership', 'profanity', 'giveaway-heavy'] as const;
