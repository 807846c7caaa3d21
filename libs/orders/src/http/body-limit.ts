/** JSON bodies above this answer 413 before any handler runs; 100 line items take about 15 KB. */
export const BODY_LIMIT_BYTES = 64 * 1024;
