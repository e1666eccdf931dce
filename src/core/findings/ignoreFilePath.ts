/** Where a workspace folder keeps the findings its team ignores (a file anyone may commit). */
export const IGNORE_FILE_PATH = '.github/architect/ignored-findings.json';
