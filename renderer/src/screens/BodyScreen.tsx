// Placeholder: being built.
export const BodyScreen = ({ bodyId: _bodyId }: { bodyId: string }) => (
  <main className="screen">
    <h1>BodyScreen</h1>
  </main>
);
