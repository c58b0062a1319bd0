import { Command as Cmdk } from 'cmdk';
import { type Command, Keys, byGroup, keyLabel } from './commands';

/** The command palette's searchable list (cmdk), loaded when the palette first opens or once the desk is idle. */
export function PaletteList({ commands, onRun }: { commands: Command[]; onRun(c: Command): void }) {
  return (
    <Cmdk label="Commands" loop vimBindings={false}>
      <Cmdk.Input autoFocus placeholder="Type a command, e.g. approve" aria-label="Command" />
      <Cmdk.List label="Commands">
        <Cmdk.Empty>No command matches.</Cmdk.Empty>
        {byGroup(commands).map(([group, list]) => (
          <Cmdk.Group key={group} heading={group}>
            {list.map((c) => (
              <Cmdk.Item key={c.id} value={`${c.group} ${c.label}`} keywords={c.keys?.map(keyLabel)} disabled={Boolean(c.disabled)} onSelect={() => onRun(c)}>
                <span className="palette-label">{c.label}</span>
                {typeof c.disabled === 'string' && <span className="palette-why">{c.disabled}</span>}
                <Keys keys={c.keys} />
              </Cmdk.Item>
            ))}
          </Cmdk.Group>
        ))}
      </Cmdk.List>
    </Cmdk>
  );
}
