// A block's words as the minutes print them: its label ("PRESENT:"), its text (line breaks kept),
// or a recorded vote's lists.
import type { MinutesBlock } from '../../../../shared/minutes/model';

export const VoteLists = ({ block }: { block: MinutesBlock }) =>
  block.vote ? (
    <div className="mblock__vote">
      {block.vote.ways.map((way) => (
        <div key={way.heading} className="mblock__way">
          <p className="mblock__way-heading">
            {way.heading} ({way.count})
          </p>
          {way.names.length > 0 && (
            <ul aria-label={`${way.heading}: ${way.count}`}>
              {way.names.map((name, i) => (
                <li key={`${name}-${i}`}>{name}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <p className="mblock__outcome">{block.vote.outcome}</p>
    </div>
  ) : (
    <p className="mblock__text">{block.text}</p>
  );

export const BlockText = ({ block }: { block: MinutesBlock }) => {
  if (block.kind === 'recordedVote') return <VoteLists block={block} />;
  if (block.kind === 'flag') return <p className="mblock__text">{block.text}</p>;
  const label = block.label ? <strong className="mblock__label">{block.label}</strong> : null;
  return (
    <>
      {label && !block.labelInline && <p className="mblock__label-line">{label}</p>}
      <p className={`mblock__text mblock__text--${block.kind}`}>
        {label && block.labelInline && <>{label} </>}
        {block.text}
      </p>
    </>
  );
};
