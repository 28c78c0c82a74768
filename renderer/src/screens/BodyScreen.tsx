// A body's page: its details and next minute number, its members (import, add, edit, remove),
// the officers who attend it, and the way to its standing orders.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { MemberDetails } from '../../../shared/commands/body';
import type { ChamberError } from '../../../shared/errors';
import { capitalise } from '../../../shared/fieldNames';
import { describeAttendanceRules } from '../../../shared/procedure/attendance';
import { describeOrganisationVotes } from '../../../shared/procedure/organisationVotes';
import { describeQuorumRule, quorumRequired } from '../../../shared/procedure/quorum';
import type { StandingOrders } from '../../../shared/procedure/standingOrders';
import { BODY_KIND_LABELS, memberDisplayNames, memberFullName } from '../../../shared/state/body';
import { fillTemplate, minutesStyleOf, roleWordsOf, type MinutesStyle } from '../../../shared/minutes/style';
import { bodyTopic } from '../../../shared/topics';
import { useChamber, useTopic } from '../context';
import { useShortcut } from '../shortcuts';
import { BodyDetailsForm, type BodyDetails } from './body/BodyDetailsForm';
import { Confirm } from './body/formParts';
import { ImportMembers, type ImportSource } from './body/ImportMembers';
import { MemberForm } from './body/MemberForm';
import { MembersTable, rowId } from './body/MembersTable';
import { MinutesStyleForm } from './body/MinutesStyleForm';
import { Officers, type OfficerCommand, type OfficerTask } from './body/Officers';
import './bodies.css';

type Mode =
  | { kind: 'view' }
  | { kind: 'details' }
  | { kind: 'addMember' }
  | { kind: 'editMember'; memberId: string }
  | { kind: 'removeMember'; memberId: string }
  | { kind: 'import' }
  | { kind: 'officer'; task: OfficerTask }
  | { kind: 'style' };

const VIEW: Mode = { kind: 'view' };

const seconds = (s: number): string => (s % 60 === 0 ? `${s / 60} min` : s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`);

/** "decides by consensus first, then a show of hands". */
const usualDecisionWords = ({ consensusFirst, vote }: StandingOrders['usualDecision']): string => {
  const voting = vote === 'show_of_hands' ? 'a show of hands' : 'an electronic vote';
  return consensusFirst ? `decides by consensus first, then ${voting}` : `usually decides by ${voting}`;
};

/** One line on the rules the clerk most often checks before a meeting. */
const quorumSummary = (so: StandingOrders, voting: number, seats: number | undefined): string => {
  const rule = describeQuorumRule(so.quorum, seats === undefined ? 'the voting members' : `the ${seats} seats`);
  const needed = quorumRequired(so.quorum, seats ?? voting);
  const now =
    voting === 0
      ? 'no voting members yet'
      : needed > voting
        ? `${needed} needed but only ${voting} voting ${voting === 1 ? 'member' : 'members'}: check the membership or the quorum`
        : `${needed} of ${voting} now`;
  return so.quorum.kind === 'none' ? rule : `${rule} (${now})`;
};

export const BodyScreen = ({ bodyId }: { bodyId: string }) => {
  const { data: body, missing } = useTopic(bodyTopic(bodyId));
  const invoke = useChamber((s) => s.invoke);
  const navigate = useChamber((s) => s.navigate);
  const load = useChamber((s) => s.load);
  const [mode, setMode] = useState<Mode>(VIEW);
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<string>();
  const [removeProblem, setRemoveProblem] = useState<string>();
  const [removing, setRemoving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const search = useRef<HTMLInputElement>(null);
  /**
   * Where the focus goes next: the heading on arrival; when a form closes, the row edited or the
   * button that opened it. A row that is new appears with the core's update, a moment later.
   */
  const focusAfter = useRef<string | undefined>('body-heading');
  const viewing = mode.kind === 'view';
  const loaded = body !== undefined;
  const seq = body?.seq;

  /** Opening a form clears the last notice, so it never reappears for something older. */
  const open = useCallback((next: Mode) => {
    setNotice(undefined);
    setMode(next);
  }, []);

  const close = useCallback((focusId = 'body-heading') => {
    focusAfter.current = focusId;
    setMode(VIEW);
  }, []);

  useLayoutEffect(() => {
    focusAfter.current = 'body-heading';
  }, [bodyId]);

  // A layout effect: the focus is on the row in the same paint that shows the notice, so the
  // clerk's next key (↓ to the next member) never lands on <body> in between.
  useLayoutEffect(() => {
    const wanted = focusAfter.current;
    if (!viewing || !loaded || wanted === undefined) return;
    const target = document.getElementById(wanted);
    if (target) {
      focusAfter.current = undefined;
      target.focus();
      return;
    }
    // Not shown yet: wait for the update, but never leave the focus nowhere.
    const timer = setTimeout(() => {
      if (focusAfter.current !== wanted) return;
      focusAfter.current = undefined;
      heading.current?.focus();
    }, 1500);
    return () => clearTimeout(timer);
  }, [viewing, loaded, bodyId, seq]);

  useShortcut('Escape', useCallback(() => navigate({ screen: 'bodies' }), [navigate]), viewing);
  useShortcut('a', useCallback(() => open({ kind: 'addMember' }), [open]), viewing && loaded);
  useShortcut('i', useCallback(() => open({ kind: 'import' }), [open]), viewing && loaded);
  useShortcut('e', useCallback(() => open({ kind: 'details' }), [open]), viewing && loaded);
  useShortcut('o', useCallback(() => open({ kind: 'officer', task: { kind: 'add' } }), [open]), viewing && loaded);
  useShortcut('s', useCallback(() => navigate({ screen: 'standingOrders', bodyId }), [navigate, bodyId]), viewing);
  useShortcut('/', useCallback(() => search.current?.focus(), []), viewing && loaded);
  useShortcut('h', useCallback(() => open({ kind: 'style' }), [open]), viewing && loaded);

  if (!body) {
    return (
      <main className="screen bo-screen">
        <p role="status">{missing ?? 'Loading the body…'}</p>
        <a href="#/bodies">Back to bodies and members</a>
      </main>
    );
  }

  const members = body.members.filter((m) => m.active);
  const names = memberDisplayNames(members);
  const groups = [...new Set(members.map((m) => m.group).filter(Boolean))].sort();
  const voting = members.filter((m) => m.voting).length;
  const so = body.standingOrders;

  const run = async (command: Parameters<typeof invoke>[0]): Promise<ChamberError | undefined> => {
    const outcome = await invoke(command);
    return outcome.ok ? undefined : outcome.error;
  };

  const saveDetails = async (details: BodyDetails): Promise<ChamberError | undefined> => {
    // One command: the name, kind and minute number are saved together or not at all.
    const error = await run({ type: 'body.update', bodyId, name: details.name, kind: details.kind, nextMinuteNumber: details.next, seats: details.seats });
    if (error) return error;
    setNotice('Details saved.');
    close();
    return undefined;
  };

  const saveStyle = async (style: MinutesStyle): Promise<ChamberError | undefined> => {
    const error = await run({ type: 'body.setMinutesStyle', bodyId, style });
    if (error) return error;
    setNotice('House style saved.');
    close('edit-style');
    return undefined;
  };

  const addMember = async (member: MemberDetails) => {
    const outcome = await invoke({ type: 'member.add', bodyId, member });
    if (!outcome.ok) return outcome.error;
    // Read the body back first: the form closes onto the new member's row, focused, not onto a
    // list without it.
    await load(bodyTopic(bodyId));
    setNotice(`${memberFullName(member)} added.`);
    close(rowId(outcome.result.ids.memberId));
    return undefined;
  };

  const updateMember = (memberId: string) => async (member: MemberDetails) => {
    const error = await run({ type: 'member.update', bodyId, memberId, member });
    if (error) return error;
    setNotice(`${memberFullName(member)} saved.`);
    close(rowId(memberId));
    return undefined;
  };

  const removeMember = async (memberId: string) => {
    setRemoving(true);
    const error = await run({ type: 'member.remove', bodyId, memberId });
    setRemoving(false);
    setRemoveProblem(error?.message);
    if (error) return;
    const gone = members.find((m) => m.id === memberId);
    setNotice(`${gone ? memberFullName(gone) : 'The member'} removed from ${body.name}.`);
    // The focus goes to the next row, or the one before when it was the last.
    const index = members.findIndex((m) => m.id === memberId);
    const neighbour = members[index + 1] ?? members[index - 1];
    close(neighbour ? rowId(neighbour.id) : 'add-member');
  };

  const importMembers = (source: ImportSource, list: MemberDetails[]) => run({ type: 'member.import', bodyId, source, members: list });

  const officerCommand = (command: OfficerCommand) => run({ ...command, bodyId });

  const memberTask = (() => {
    switch (mode.kind) {
      case 'addMember':
        return (
          <section className="bo-task" aria-labelledby="member-task">
            <h3 id="member-task">Add a member to {body.name}</h3>
            <MemberForm bodyName={body.name} members={members} groups={groups} onSubmit={addMember} onCancel={() => close('add-member')} />
          </section>
        );
      case 'editMember': {
        const member = members.find((m) => m.id === mode.memberId);
        if (!member) return <p role="alert">This member is no longer listed. Press Escape.</p>;
        return (
          <section className="bo-task" aria-labelledby="member-task">
            <h3 id="member-task">Edit {memberFullName(member)}</h3>
            <MemberForm
              member={member}
              bodyName={body.name}
              members={members}
              groups={groups}
              onSubmit={updateMember(member.id)}
              onCancel={() => close(rowId(member.id))}
              onRemove={() => setMode({ kind: 'removeMember', memberId: member.id })}
            />
          </section>
        );
      }
      case 'removeMember': {
        const member = members.find((m) => m.id === mode.memberId);
        return (
          <Confirm
            title={`Remove ${member ? memberFullName(member) : 'this member'} from ${body.name}?`}
            confirmLabel="Remove member"
            busy={removing}
            problem={removeProblem}
            onConfirm={() => void removeMember(mode.memberId)}
            onCancel={() => {
              setRemoveProblem(undefined);
              close(rowId(mode.memberId));
            }}
          >
            <p>They will no longer be listed, counted for the quorum or asked to vote. Past meetings keep their record of attendance and votes.</p>
          </Confirm>
        );
      }
      case 'import':
        return (
          <ImportMembers
            body={body}
            onImport={importMembers}
            onMinutesStyle={(style) => run({ type: 'body.setMinutesStyle', bodyId, style })}
            onCancel={() => close('import-members')}
            onDone={(count, source) => {
              setNotice(`${count} ${count === 1 ? 'member' : 'members'} imported from ${source === 'csv' ? 'the CSV' : 'the PRESENT paragraph'}.`);
              close('import-members');
            }}
          />
        );
      default:
        return undefined;
    }
  })();

  return (
    <main className="screen bo-screen bo-screen--wide" aria-labelledby="body-heading">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <a href="#/bodies">Bodies and members</a> <kbd>Esc</kbd>
      </nav>
      <header className="screen__header">
        <h1 id="body-heading" tabIndex={-1} ref={heading}>
          {body.name}
        </h1>
        <span className="status status--ready">{BODY_KIND_LABELS[body.kind]}</span>
      </header>
      {notice && viewing && (
        <p className="bo-notice" role="status">
          {notice}
        </p>
      )}

      <section className="panel" aria-labelledby="details-heading">
        <header className="panel__header">
          <h2 id="details-heading">Details and standing orders</h2>
        </header>
        {mode.kind === 'details' ? (
          <BodyDetailsForm body={body} onSubmit={saveDetails} onCancel={() => close('edit-details')} />
        ) : (
          <>
            <dl className="details bo-body-details">
              <dt>Kind</dt>
              <dd>{BODY_KIND_LABELS[body.kind]}</dd>
              <dt>Next minute</dt>
              <dd>
                <strong>{body.nextMinuteNumber}</strong>
              </dd>
              <dt>Seats</dt>
              <dd>{body.seats === undefined ? `one per voting member (${voting})` : `${body.seats} (${voting} filled by voting members)`}</dd>
              <dt>Quorum</dt>
              <dd>{quorumSummary(so, voting, body.seats)}</dd>
              <dt>Votes</dt>
              <dd>
                Division bell {seconds(so.divisionBell.seconds)}
                {so.divisionBell.chairmanMaySkip ? ' (the chairman may skip it)' : ''}; voting window {seconds(so.votingWindowSeconds)};{' '}
                {so.castingVote ? 'chairman has a casting vote' : 'no casting vote'}; {usualDecisionWords(so.usualDecision)}
                {so.simpleMajorityOf === 'present' ? '; a simple majority of the members present' : ''}
              </dd>
              <dt>Attendance</dt>
              <dd data-testid="body-attendance-rules">{capitalise(describeAttendanceRules(body))}</dd>
              {so.organisationVotes && (
                <>
                  <dt>Votes by organisation</dt>
                  <dd data-testid="body-organisation-votes">{describeOrganisationVotes(so.organisationVotes)}</dd>
                </>
              )}
            </dl>
            {viewing && (
              <div className="form-actions">
                <button type="button" id="edit-details" className="button" onClick={() => open({ kind: 'details' })}>
                  Edit name, kind, minute number and seats <kbd>E</kbd>
                </button>
                <a className="button" href={`#/bodies/${bodyId}/standing-orders`}>
                  Standing orders <kbd>S</kbd>
                </a>
              </div>
            )}
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="members-heading">
        <header className="panel__header">
          <h2 id="members-heading">
            Members <span className="bo-count">({members.length})</span>
          </h2>
          {!memberTask && (
            <div className="bo-panel__actions">
              <button type="button" id="add-member" className="button" onClick={() => open({ kind: 'addMember' })}>
                Add member <kbd>A</kbd>
              </button>
              <button type="button" id="import-members" className="button button--primary" onClick={() => open({ kind: 'import' })}>
                Import members <kbd>I</kbd>
              </button>
            </div>
          )}
        </header>
        {memberTask ??
          (members.length === 0 ? (
            <p className="empty">
              No members yet. Import them from the PRESENT paragraph of earlier minutes or from a spreadsheet (<kbd>I</kbd>), or add them one by one (<kbd>A</kbd>).
            </p>
          ) : (
            <MembersTable
              bodyName={body.name}
              roleWords={roleWordsOf(body)}
              members={members}
              names={names}
              query={query}
              onQuery={setQuery}
              searchRef={search}
              onEdit={(memberId) => open({ kind: 'editMember', memberId })}
              onRemove={(memberId) => open({ kind: 'removeMember', memberId })}
            />
          ))}
      </section>

      <section className="panel" aria-labelledby="officers-heading">
        <header className="panel__header">
          <h2 id="officers-heading">Officers in attendance</h2>
        </header>
        <Officers
          bodyName={body.name}
          officers={body.officers}
          task={mode.kind === 'officer' ? mode.task : undefined}
          onTask={(task, focusId) => (task ? open({ kind: 'officer', task }) : close(focusId))}
          invoke={officerCommand}
          addKey="O"
        />
      </section>

      <section className="panel" aria-labelledby="style-heading">
        <header className="panel__header">
          <h2 id="style-heading">Minutes house style</h2>
        </header>
        {mode.kind === 'style' ? (
          <MinutesStyleForm body={body} onSave={saveStyle} onCancel={() => close('edit-style')} />
        ) : (
          <>
            <p>
              {body.minutesStyle ? 'Its own house style. ' : 'Chamber’s house style (the 2015 Kent County Council minutes). '}
              Its minutes begin: <q>{fillTemplate(minutesStyleOf(body).heading, { body: body.name, venue: 'Council Chamber', date: 'Thursday, 22 October 2015' })}</q>
            </p>
            {viewing && (
              <div className="form-actions">
                <button type="button" id="edit-style" className="button" onClick={() => open({ kind: 'style' })}>
                  Edit the house style <kbd>H</kbd>
                </button>
              </div>
            )}
          </>
        )}
      </section>

      <footer className="shortcuts" aria-label="Keyboard shortcuts">
        <kbd>/</kbd> find a member · <kbd>↑</kbd>/<kbd>↓</kbd> move · <kbd>Enter</kbd> edit · <kbd>Del</kbd> remove · <kbd>A</kbd> add member ·{' '}
        <kbd>I</kbd> import · <kbd>O</kbd> add officer · <kbd>E</kbd> edit details · <kbd>S</kbd> standing orders · <kbd>H</kbd> minutes house style · <kbd>Esc</kbd> bodies
      </footer>
    </main>
  );
};
