// Placeholder: being built.
export const StandingOrdersScreen = ({ bodyId: _bodyId }: { bodyId: string }) => (
  <main className="screen">
    <h1>StandingOrdersScreen</h1>
  </main>
);
