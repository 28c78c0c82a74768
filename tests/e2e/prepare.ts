// Meetings the end-to-end tests start from, prepared through the API as a clerk's earlier work.
import type { BrowserMode } from '../support/browserMode';
import { kcc2015AgendaItems, kcc2015Membership } from '../support/kcc2015';

/** Kent County Council with its 2015 membership and the 22 October 2015 meeting and agenda (draft, or ready). */
export const prepareKcc2015 = async (chamber: BrowserMode, options: { ready?: boolean; members?: number } = {}) => {
  const { bodyId } = (await chamber.post({ type: 'body.create', name: 'Kent County Council', kind: 'full_council' })).body.result.ids;
  await chamber.post({ type: 'member.import', bodyId, source: 'present_paragraph', members: kcc2015Membership().slice(0, options.members) });
  const { meetingId } = (
    await chamber.post({ type: 'meeting.create', bodyId, title: 'County Council', date: '2015-10-22', startTime: '10:00', venue: 'Council Chamber, Sessions House' })
  ).body.result.ids;
  await chamber.post({ type: 'agenda.import', meetingId, items: kcc2015AgendaItems(), replace: true });
  if (options.ready) await chamber.post({ type: 'meeting.setReady', meetingId, ready: true });
  return { bodyId: bodyId as string, meetingId: meetingId as string };
};

/** The 16 December 2021 full council with no agenda yet, for the agenda editor; one member, so it can start. */
export const createAgendaMeeting = async (chamber: BrowserMode): Promise<string> => {
  const body = await chamber.post({ type: 'body.create', name: 'Kent County Council', kind: 'full_council' });
  await chamber.post({
    type: 'member.add',
    bodyId: body.body.result.ids.bodyId,
    member: { title: 'Mr', initials: ['M'], surname: 'Harrison', honours: [], group: 'Conservative', roles: ['Chairman'], voting: true },
  });
  const created = await chamber.post({
    type: 'meeting.create',
    bodyId: body.body.result.ids.bodyId,
    title: 'County Council',
    date: '2021-12-16',
    startTime: '10:00',
    venue: 'Council Chamber',
  });
  return created.body.result.ids.meetingId;
};
