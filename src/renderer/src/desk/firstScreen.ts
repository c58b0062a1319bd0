/**
 * What the desk's first screen asks for, asked at start-up before the app's own code has loaded
 * (main.tsx): the answers come while React, Lexical and the views are still being read.
 * Nothing here may import React or a view, or it would wait for them.
 */
import { prefetch } from '@renderer/shared/desk';
import { PAGE } from '@renderer/shared/page';

/** The open item survives a reload and a visit to another view (per window). */
export const OPEN_KEY = 'wiredesk.openItem';

/** The desk list's first page and the item to reopen, asked exactly as DeskView will ask. */
export function prefetchDesk(): void {
  prefetch('listItems', { view: 'desk', offset: 0, limit: PAGE });
  const last = sessionStorage.getItem(OPEN_KEY);
  if (last) prefetch('getItem', { id: last });
}
