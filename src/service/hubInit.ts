/** Setting up a shared desk: its schema and its two group roles (the database's owner, once per update). */
import { connectHub, describeHub, initHub } from '../hub/hub';

/** `wiredesk hub init`: create or migrate the shared desk's schema and its two group roles. */
export async function initSharedDesk(url: string): Promise<{ from: number; to: number; hub: string }> {
  const c = await connectHub(url);
  try {
    return { ...(await initHub(c)), hub: describeHub(url) };
  } finally {
    await c.end().catch(() => undefined);
  }
}
