// Why the press and public may be excluded: the paragraphs of Part 1 of Schedule 12A to the Local
// Government Act 1972 (exempt information), as a clerk cites them in the reason and the minutes.

export const SCHEDULE_12A_PARAGRAPHS = [
  { paragraph: 1, text: 'information relating to any individual' },
  { paragraph: 2, text: 'information which is likely to reveal the identity of an individual' },
  { paragraph: 3, text: 'information relating to the financial or business affairs of any particular person (including the authority holding that information)' },
  { paragraph: 4, text: 'information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter' },
  { paragraph: 5, text: 'information in respect of which a claim to legal professional privilege could be maintained in legal proceedings' },
  { paragraph: 6, text: 'information which reveals that the authority proposes to give a notice imposing requirements, or to make an order or direction, under any enactment' },
  { paragraph: 7, text: 'information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime' },
] as const;

/** The reason for excluding the press and public, as the minutes give it, for a paragraph of Schedule 12A. */
export const exemptReason = (paragraph: number): string => {
  const found = SCHEDULE_12A_PARAGRAPHS.find((p) => p.paragraph === paragraph);
  return found
    ? `Exempt information under paragraph ${paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972: ${found.text}.`
    : 'Exempt information under Part 1 of Schedule 12A to the Local Government Act 1972.';
};
