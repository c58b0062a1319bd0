/** Shapes the store returns and the contract passes on unchanged: list pages and an item's history. */

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null when this is the last one. */
  next: string | null;
  /** How many rows the whole list holds; set when the page was asked for by offset. */
  total?: number;
}

/** One saved revision of an item. */
export interface HistoryEntry {
  revision: number;
  version: number;
  savedAt: string;
  savedBy: string;
  /** What changed, in words: "Headline, Body". */
  changed: string[];
  note: string;
}

/** One workflow step in the audit log: who moved the item, when, and why. */
export interface AuditRecord {
  action: string;
  fromStatus: string;
  toStatus: string;
  version: number;
  note: string;
  at: string;
  by: string;
  /** The revision a content save made ('edit' records). */
  revision?: number;
}
