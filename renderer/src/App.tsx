import { useEffect } from 'react';
import { useChamber } from './context';
import { MeetingScreen } from './screens/MeetingScreen';
import { MeetingsScreen } from './screens/MeetingsScreen';

export const App = () => {
  const route = useChamber((s) => s.route);
  const connected = useChamber((s) => s.connected);
  const refresh = useChamber((s) => s.refresh);
  useEffect(() => void refresh(), [refresh]);
  return (
    <>
      {!connected && (
        <div className="banner banner--warning" role="alert">
          Reconnecting to Chamber… Nothing you see has been lost; changes will show when the connection returns.
        </div>
      )}
      {route.screen === 'meeting' ? <MeetingScreen meetingId={route.meetingId} /> : <MeetingsScreen />}
    </>
  );
};
