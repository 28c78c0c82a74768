// Which page may talk to the core and which addresses a window may navigate to: exactly our own
// index.html, loaded from our own files. Only the part after '#' (the screen) may differ. Pure:
// no electron import, so it is tested under plain Node.
import { pathToFileURL } from 'node:url';

/** The address of our renderer's index.html, as the windows load it, with a screen (hash) if given. */
export const rendererUrl = (indexFile: string, hash?: string): string => {
  const url = pathToFileURL(indexFile);
  if (hash) url.hash = hash;
  return url.href;
};

/** Windows drive letters are compared in upper case: Chromium writes them so, Node may not. */
const withDriveInUpperCase = (href: string): string => href.replace(/^file:\/\/\/([a-z]):/, (_m, drive: string) => `file:///${drive.toUpperCase()}:`);

/**
 * Whether `url` is our renderer: the file: protocol, no host, no query, and exactly the path of our
 * index.html (after the URL parser's own normalisation, never decoding %-escapes). No prefix
 * matching: `…/renderer/index.html.evil`, `…/renderer-evil/index.html` and `…/index.html?x` are
 * all refused.
 */
export const isOurRendererUrl = (url: unknown, indexFile: string): boolean => {
  if (typeof url !== 'string' || url === '' || url.length > 8192) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:' || parsed.username !== '' || parsed.password !== '') return false;
  parsed.hash = '';
  return withDriveInUpperCase(parsed.href) === withDriveInUpperCase(pathToFileURL(indexFile).href);
};
