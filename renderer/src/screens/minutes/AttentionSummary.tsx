// The clerk's to-do at the top of the minutes: paragraphs whose record changed since they were
// edited, and items with nothing recorded; each a link to the paragraph.
import type { MinutesDocument } from '../../../../shared/minutes/model';

/** "Minute 219, Apologies for Absence: " before the reason, so the clerk knows where before going. */
const whereIs = (doc: MinutesDocument, entry: MinutesDocument['attention'][number]): string => {
  const minute = doc.minutes.find((m) => m.key === entry.minuteKey || m.blocks.some((b) => b.key === entry.key));
  return minute ? `${minute.heading}: ` : '';
};

export const AttentionSummary = ({ doc, onGo }: { doc: MinutesDocument; onGo(key: string): void }) => {
  const count = doc.attention.length;
  if (count === 0) return <p className="minutes-attention minutes-attention--clear">No paragraph needs your attention.</p>;
  return (
    <section className="minutes-attention" aria-labelledby="attention-heading">
      <h2 id="attention-heading">
        {count === 1 ? '1 paragraph needs your attention' : `${count} paragraphs need your attention`}
      </h2>
      <ul>
        {doc.attention.map((entry) => (
          <li key={entry.key}>
            <button type="button" className="link-button" onClick={() => onGo(entry.key)}>
              {whereIs(doc, entry)}
              {entry.why}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
};
