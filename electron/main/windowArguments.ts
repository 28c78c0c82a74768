// What the main process tells a window's preload about the window, on the renderer's command line
// (webPreferences.additionalArguments, which a sandboxed preload reads in process.argv): only
// whether it is the clerk's own window, so that the preload offers sync with the records server
// there and nowhere else. The main process still checks every request (windowPolicy.ts). No
// imports: the preload bundles this file.
export const CLERK_WINDOW_ARGUMENT = '--chamber-window=clerk';
