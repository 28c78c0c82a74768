import { useCallback, useEffect } from 'react';
import { Layout } from './components/Layout';
import { useChamber } from './context';
import { AgendaScreen } from './screens/AgendaScreen';
import { BodiesScreen } from './screens/BodiesScreen';
import { BodyScreen } from './screens/BodyScreen';
import { ChairmanScreen } from './screens/ChairmanScreen';
import { DisplayScreen } from './screens/DisplayScreen';
import { LiveScreen } from './screens/LiveScreen';
import { MeetingScreen } from './screens/MeetingScreen';
import { MeetingsScreen } from './screens/MeetingsScreen';
import { MemberScreen } from './screens/MemberScreen';
import { MinutesScreen } from './screens/MinutesScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SyncScreen } from './screens/SyncScreen';
import { StandingOrdersScreen } from './screens/StandingOrdersScreen';
import { isClerkPage } from './api';
import { useShortcut } from './shortcuts';

/** What a device on the chamber network sees at Chamber's address without a page to show. */
const NetworkWelcome = () => (
  <main className="screen network-welcome" aria-labelledby="network-heading">
    <h1 id="network-heading">Chamber on the chamber network</h1>
    <p>
      This address shows the chamber display of a meeting in progress. Open the display address the clerk gives you: it ends in{' '}
      <code>#/display/</code> followed by the meeting.
    </p>
    <p>
      Members voting from their own devices open <code>#/member</code> at this address (or scan the clerk&rsquo;s QR code) and type the pairing code the clerk gives them.
    </p>
    <p>The clerk's own screen is only on the clerk's computer.</p>
  </main>
);

const Screen = () => {
  const route = useChamber((s) => s.route);
  switch (route.screen) {
    case 'meetings':
      return <MeetingsScreen />;
    case 'meeting':
      return <MeetingScreen meetingId={route.meetingId} />;
    case 'agenda':
      return <AgendaScreen meetingId={route.meetingId} />;
    case 'live':
      return <LiveScreen meetingId={route.meetingId} />;
    case 'display':
      return <DisplayScreen meetingId={route.meetingId} />;
    case 'chairman':
      return <ChairmanScreen meetingId={route.meetingId} />;
    case 'minutes':
      return <MinutesScreen meetingId={route.meetingId} />;
    case 'bodies':
      return <BodiesScreen />;
    case 'body':
      return <BodyScreen bodyId={route.bodyId} />;
    case 'standingOrders':
      return <StandingOrdersScreen bodyId={route.bodyId} />;
    case 'settings':
      return <SettingsScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'member':
      return <MemberScreen key={route.meetingId ?? ''} meetingId={route.meetingId} code={route.code} />;
  }
};

export const App = () => {
  const route = useChamber((s) => s.route);
  const refresh = useChamber((s) => s.refresh);
  const navigate = useChamber((s) => s.navigate);
  useEffect(() => void refresh(), [refresh]);
  useShortcut('m', useCallback(() => navigate({ screen: 'meetings' }), [navigate]), { alt: true });
  useShortcut('b', useCallback(() => navigate({ screen: 'bodies' }), [navigate]), { alt: true });
  useShortcut('g', useCallback(() => navigate({ screen: 'settings' }), [navigate]), { alt: true });
  useShortcut('s', useCallback(() => navigate({ screen: 'sync' }), [navigate]), { alt: true, shift: true });
  // The chamber display is the whole window: no clerk's frame around it.
  if (route.screen === 'display') return <Screen />;
  // So is a member's own device: its page, never the clerk's.
  if (route.screen === 'member') return <Screen />;
  // A device on the chamber network sees only what is public.
  if (!isClerkPage()) return <NetworkWelcome />;
  // So is the chairman's view, which is the clerk's own (it records, so never on the network).
  if (route.screen === 'chairman') return <Screen />;
  return (
    <Layout>
      <Screen />
    </Layout>
  );
};
