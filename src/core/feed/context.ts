import type { DeskSettings } from '../settings';

/** ninjs publication status: `canceled` is how a kill goes out. */
export type PubStatus = 'usable' | 'withheld' | 'canceled';

export interface FeedContext {
  settings: Pick<DeskSettings, 'agency' | 'datelineStyle' | 'categories' | 'deskName'>;
  pubStatus: PubStatus;
}

/** Agency name as a URN segment: lowercase ASCII letters, digits and hyphens ("desk" if nothing is left). */
function agencySegment(agency: string): string {
  const s = agency
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'desk';
}

/** The last agency's segment: a batch names one agency thousands of times. */
let lastAgency: { agency: string; segment: string } | null = null;

/** The item's identity in every feed, the same for all of its versions. */
export function itemUri(agency: string, id: string): string {
  if (lastAgency?.agency !== agency) lastAgency = { agency, segment: agencySegment(agency) };
  return `urn:wiredesk:${lastAgency.segment}:${id}`;
}

/** The Wiredesk item id inside an `itemUri`, or undefined for anyone else's identifier. */
export function itemIdFromUri(uri: string): string | undefined {
  return /^urn:wiredesk:[a-z0-9-]+:(.+)$/.exec(uri)?.[1];
}

/**
 * RFC 3339 needs seconds; Wiredesk embargoes are usually entered without them
 * ("2026-11-27T09:00+04:00"). Feeds carry "09:00:00+04:00"; imports drop ":00" again.
 */
export function withSeconds(dateTime: string): string {
  return dateTime.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?=Z|[+-])/, '$1:00');
}

export function withoutZeroSeconds(dateTime: string): string {
  return dateTime.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}):00(?=Z|[+-])/, '$1');
}
