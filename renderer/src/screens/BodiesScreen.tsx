// The bodies on this laptop (the council, its committees and panels) with their members; N makes one.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ChamberError } from '../../../shared/errors';
import type { BodyKind } from '../../../shared/procedure/standingOrders';
import { BODY_KIND_LABELS } from '../../../shared/state/body';
import { useChamber, useTopic } from '../context';
import { useShortcut } from '../shortcuts';
import { formKeys, KindSelect, TextField, useCommandForm } from './body/formParts';
import './bodies.css';
import { FormError, FormActions } from '../components/FormParts';

const KIND_HINTS: Record<BodyKind, string> = {
  full_council: 'Quorum one quarter of the members; 45 minutes for a time-limited debate.',
  committee: 'Quorum of 3 members; 30 minutes for a time-limited debate.',
  panel: 'Quorum of 3 members; 30 minutes for a time-limited debate.',
  joint_committee: 'Quorum of 3 members; add the partner organisations’ rule in its standing orders.',
};

interface NewBodyProps {
  initialKind: BodyKind;
  onSubmit(name: string, kind: BodyKind): Promise<ChamberError | undefined>;
  onCancel(): void;
}

const NewBodyForm = ({ initialKind, onSubmit, onCancel }: NewBodyProps) => {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<BodyKind>(initialKind);
  const { errors, saving, first, id, submit } = useCommandForm(['name', 'kind'], (path) => (path === 'name' || path === 'kind' ? path : undefined));

  return (
    <form className="bo-new-body-form" onSubmit={(e) => void submit(e, () => onSubmit(name, kind))} onKeyDown={formKeys(onCancel)} noValidate aria-label="New body">
      <TextField
        id={`${id}-name`}
        inputRef={first}
        label="Name"
        hint="e.g. Kent County Council, Planning Applications Committee"
        value={name}
        onChange={setName}
        error={errors.byField.name}
      />
      <KindSelect id={`${id}-kind`} value={kind} onChange={setKind} hint={`Chooses the starting standing orders. ${KIND_HINTS[kind]}`} error={errors.byField.kind} />
      <FormError message={errors.summary} />
      <FormActions submitLabel="Create body" saving={saving} onCancel={onCancel} />
    </form>
  );
};

/** Up and Down move between the links of a list. */
const moveFocusInList = (event: KeyboardEvent, list: HTMLElement | null) => {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...(list?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  links[Math.max(0, Math.min(links.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  event.preventDefault();
};

export const BodiesScreen = () => {
  const { data: bodies } = useTopic('bodies');
  const invoke = useChamber((s) => s.invoke);
  const navigate = useChamber((s) => s.navigate);
  const [creating, setCreating] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useShortcut('n', useCallback(() => setCreating(true), []), !creating);
  // From anywhere outside the list, ↓ goes to its first body.
  useShortcut(
    'ArrowDown',
    useCallback(() => {
      if (!list.current?.contains(document.activeElement)) list.current?.querySelector('a')?.focus();
    }, []),
    !creating,
  );
  useEffect(() => {
    if (!creating) heading.current?.focus();
  }, [creating]);

  const create = async (name: string, kind: BodyKind) => {
    const outcome = await invoke({ type: 'body.create', name, kind });
    if (!outcome.ok) return outcome.error;
    setCreating(false);
    navigate({ screen: 'body', bodyId: outcome.result.ids.bodyId });
    return undefined;
  };

  return (
    <main className="screen bo-screen" aria-labelledby="bodies-heading">
      <header className="screen__header">
        <h1 id="bodies-heading" tabIndex={-1} ref={heading}>
          Bodies and members
        </h1>
        {!creating && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New body <kbd>N</kbd>
          </button>
        )}
      </header>
      {creating && (
        <section className="panel" aria-labelledby="new-body-heading">
          <h2 id="new-body-heading">New body</h2>
          <NewBodyForm
            initialKind={bodies && bodies.some((b) => b.kind === 'full_council') ? 'committee' : 'full_council'}
            onSubmit={create}
            onCancel={() => setCreating(false)}
          />
        </section>
      )}
      {bodies === undefined ? (
        <p aria-live="polite">Loading bodies…</p>
      ) : bodies.length === 0 ? (
        <p className="empty">No bodies yet. Press N to create the council or a committee, then import its members.</p>
      ) : (
        <ul className="bo-body-list" ref={list} onKeyDown={(e) => moveFocusInList(e, list.current)} aria-label="Bodies">
          {[...bodies]
            .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
            .map((b) => (
              <li key={b.id}>
                <a className="bo-body-row" href={`#/bodies/${b.id}`}>
                  <strong className="bo-body-row__name">{b.name}</strong>
                  <span className="bo-body-row__kind">{BODY_KIND_LABELS[b.kind]}</span>
                  <span className="bo-body-row__count">
                    {b.memberCount} {b.memberCount === 1 ? 'member' : 'members'}
                  </span>
                </a>
              </li>
            ))}
        </ul>
      )}
      <footer className="shortcuts" aria-label="Keyboard shortcuts">
        <kbd>N</kbd> new body · <kbd>↑</kbd>/<kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Alt+M</kbd> meetings
      </footer>
    </main>
  );
};
