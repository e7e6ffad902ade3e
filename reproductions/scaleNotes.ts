/**
 * Why a claim's verdict differs between the quick reports (reports/) and the paper-scale run
 * (reports/full/), by claim id: written by whoever reads the two runs side by side, and shown
 * in the paper-scale index (writeIndex). A difference without a note shows as "not explained
 * yet".
 */
export const SCALE_NOTES: Readonly<Record<string, string>> = {};
