// Placeholder: being built.
export const AgendaScreen = ({ meetingId: _meetingId }: { meetingId: string }) => (
  <main className="screen">
    <h1>AgendaScreen</h1>
  </main>
);
