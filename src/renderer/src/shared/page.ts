/** Rows of a long list fetched at a time. */
export const PAGE = 100;
