/** Desk settings, stored in the database and edited in Settings. */
export type DatelineStyle = 'slash' | 'ap';

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
};

/** Full IPTC Media Topic URI for a "medtop:NNN" code. */
export function mediaTopicUri(code: string): string {
  const m = /^medtop:(\d{8})$/.exec(code);
  return m ? `http://cv.iptc.org/newscodes/mediatopic/${m[1]}` : code;
}
