/** The CLI's help text: one entry per command, built from the vocabulary's lists. */
import { IMPORT_ENCODINGS } from '../core/encoding';
import { FEED_FORMATS, IMPORT_FORMATS } from '../core/vocabulary';
import { BACKUPS_KEPT } from '../store/backup';
import { HUB_HELP } from './hub';

/** "a, b or c" */
export function orList(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export const HELP: Record<string, string> = {
  '': `wiredesk — the Wiredesk editorial desk from a terminal

Usage: wiredesk <command> [options]

Commands:
  serve                 run the desk in your browser (desk server on 127.0.0.1)
  list                  list items on the desk
  show ID               show one item as wire copy
  queue                 the publishing queue
  submit|approve|return|hold|release|kill|correct|spike|restore ID…
                        move items through the workflow
  export                export the approved queue as a batch (or --preview any selection)
  batches               past batches
  resend BATCH_ID       write a past batch again, byte for byte
  import FILE…          import wire copy or feed files as drafts
  backup                back up the store; --list, or restore FILE
  sync                  shared desk: push this desk's waiting changes, pull the hub's
  hub init|status|join|leave
                        shared desk: set up its PostgreSQL database; the connection; join or leave

Every command takes --db PATH (or WIREDESK_DB); the default is the desktop app's database.
Every command takes --hub URL (or WIREDESK_HUB) to work on a shared desk in PostgreSQL;
without, the shared desk joined with "wiredesk hub join" or in Settings, if any.
Run "wiredesk <command> --help" for its options.`,
  serve: `Usage: wiredesk serve [--port N] [--db PATH]
Serves the desk on http://127.0.0.1 (a random free port unless --port) and prints the link to open.`,
  list: `Usage: wiredesk list [--status draft|submitted|approved|held|published|killed|spiked] [--limit N] [--json]`,
  show: `Usage: wiredesk show ID [--json]`,
  queue: `Usage: wiredesk queue [--tab submitted|approved|held|published|killed|spiked] [--search TEXT] [--json]
Without --tab, prints the counts and the Submitted and Approved tabs.`,
  transition: `Usage: wiredesk submit|approve|return|hold|release|kill|correct|spike|restore ID… [--note TEXT]
"return" and "kill" need --note. All listed items change, or none.`,
  export: `Usage: wiredesk export --format ${FEED_FORMATS.join('|')} [--ndjson] --out FILE [--allow-past-embargo]
       wiredesk export --preview --format F [--ndjson] --out FILE [--status S] [--ids ID,ID] [--since ISO-TIME]
Without --preview: exports the approved queue (and kills waiting) as a batch, exactly as the app does.
With --preview: writes any selection and changes nothing.`,
  batches: `Usage: wiredesk batches [--json]
       wiredesk batches --shared [--json]     the shared desk's batches, whichever desk exported them
       wiredesk batches --complete BATCH_ID   write a stuck batch's stored file and publish it
       wiredesk batches --drop BATCH_ID       drop a stuck batch: nothing in it is published
A batch is stuck when the Wiredesk writing it is gone and it could not be finished by itself.`,
  resend: `Usage: wiredesk resend BATCH_ID --out FILE
       wiredesk resend NO --shared --out FILE    a shared desk batch (any desk's), from the bytes kept there`,
  backup: `Usage: wiredesk backup [--out FILE]      back up the store now (into its backups folder, or FILE)
       wiredesk backup --list              the backups kept beside the store, newest first
       wiredesk backup restore FILE        make FILE the store; the current store is kept beside it
Backups are also taken before every upgrade of the store and at most daily while the desk serves (the newest ${BACKUPS_KEPT} are kept).`,
  ...HUB_HELP,
  import: `Usage: wiredesk import FILE… [--format ${IMPORT_FORMATS.join('|')}] [--encoding ${Object.keys(IMPORT_ENCODINGS).join('|')}] [--dry-run] [--keep-duplicates] [--json]
Prints each item found; stores them as drafts unless --dry-run. Unreadable input stores nothing.
Copy already on the desk (same headline, dateline and body) is left out unless --keep-duplicates.
Without --encoding, each file's encoding is guessed (and named when it is not UTF-8).`,
};
