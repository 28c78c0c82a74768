// Placeholder: being built.
export const BodiesScreen = () => (
  <main className="screen">
    <h1>BodiesScreen</h1>
  </main>
);
