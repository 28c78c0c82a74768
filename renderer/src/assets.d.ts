// Files the renderer imports through Vite, which bundles them and gives their address.
declare module '*.wav' {
  const url: string;
  export default url;
}
declare module '*?url' {
  const url: string;
  export default url;
}
