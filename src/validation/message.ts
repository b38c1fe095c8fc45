/** The text of every input error: nothing was sent, then each problem found. */
export const inputErrorMessage = (issues: readonly string[]): string =>
  `Nothing was sent to CINNOX. ${issues.join(' ')}`;
