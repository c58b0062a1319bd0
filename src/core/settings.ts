/** Desk settings, stored in the database and edited in Settings. */
export const DATELINE_STYLES = ['slash', 'ap'] as const;
export type DatelineStyle = (typeof DATELINE_STYLES)[number];

/** The order in which the desk types and reads a date: 06.10.2023 (dmy) or 10/06/2023 (mdy). */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** What a kill says on the wire instead of the story; {slug} and {reason} are filled in. */
export const DEFAULT_KILL_TEMPLATE = 'KILL — {slug}. {reason} Do not use this story.';
export const KILL_TEMPLATE_MAX = 1000;

export interface Category {
  name: string;
  /** IPTC Media Topic code, e.g. "medtop:11000000". */
  mediaTopic: string;
}

export interface DeskSettings {
  deskName: string;
  editorName: string;
  defaultSignOff: string;
  agency: string;
  datelineStyle: DatelineStyle;
  language: string;
  categories: Category[];
  dateOrder: DateOrder;
  killTemplate: string;
}

export const DEFAULT_CATEGORIES: readonly Category[] = [
  { name: 'Politics', mediaTopic: 'medtop:11000000' },
  { name: 'Economy', mediaTopic: 'medtop:04000000' },
  { name: 'Society', mediaTopic: 'medtop:14000000' },
  { name: 'Region', mediaTopic: 'medtop:20000638' },
  { name: 'World', mediaTopic: 'medtop:20000638' },
  { name: 'Culture', mediaTopic: 'medtop:01000000' },
  { name: 'Sports', mediaTopic: 'medtop:15000000' },
];

export const DEFAULT_SETTINGS: DeskSettings = {
  deskName: 'Wiredesk',
  editorName: 'Desk editor',
  defaultSignOff: '',
  agency: 'Turan',
  datelineStyle: 'slash',
  language: 'en',
  categories: [...DEFAULT_CATEGORIES],
  dateOrder: 'dmy',
  killTemplate: DEFAULT_KILL_TEMPLATE,
};

/** The kill notice that goes out in place of a killed story's text. */
export function killNotice(template: string, slug: string, reason: string): string {
  return template.replace(/\{(slug|reason)\}/g, (_m, k: string) => (k === 'slug' ? slug : reason.trim())).trim();
}

/** Full IPTC Media Topic URI for a "medtop:NNN" code. */
export function mediaTopicUri(code: string): string {
  const m = /^medtop:(\d{8})$/.exec(code);
  return m ? `http://cv.iptc.org/newscodes/mediatopic/${m[1]}` : code;
}
