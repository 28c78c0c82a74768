// Printing the minutes: in the desktop app, saved as an A4 PDF where the clerk chooses (the
// shell's printToPdf); in a browser, the browser's print dialog, which also saves as PDF. The
// print stylesheet (minutes.css) leaves only the minutes' words on the page.

/** Prints the minutes; resolves with a sentence when the desktop app saved a PDF, else undefined. */
export const printMinutes = async (suggestedName: string): Promise<string | undefined> => {
  const printToPdf = window.chamber?.printToPdf;
  if (!printToPdf) {
    window.print();
    return undefined;
  }
  const outcome = await printToPdf(suggestedName);
  if (outcome.error) throw new Error(outcome.error);
  return outcome.saved && outcome.path ? `The minutes were saved as ${outcome.path}.` : undefined;
};
