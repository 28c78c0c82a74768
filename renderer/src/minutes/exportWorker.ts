// The minutes exported off the page's thread, so the clerk's screen never waits for a long
// meeting's Word document: a module Web Worker (bundled by Vite from exportMinutes.ts's
// `new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' })`).
import { renderMinutes } from './renderMinutes';
import type { ExportReply, ExportRequest } from './exportProtocol';

const reply = (message: ExportReply, transfer: Transferable[] = []): void => postMessage(message, { transfer });

addEventListener('message', (event: MessageEvent<ExportRequest>) => {
  const { doc, format } = event.data;
  renderMinutes(doc, format, (done, total) => reply({ type: 'progress', done, total })).then(
    (result) => {
      if (typeof result === 'string') reply({ type: 'done', text: result });
      else {
        // Sent, not copied: the bytes' buffer moves to the page.
        const buffer = result.buffer.slice(result.byteOffset, result.byteOffset + result.byteLength) as ArrayBuffer;
        reply({ type: 'done', bytes: buffer }, [buffer]);
      }
    },
    (error: unknown) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
