// Reading an NDJSON export: one JSON object per line, blank lines ignored.

export function parseNdjson(text) {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
}

/** The `agreement` of each consensus line that has one (prompts with two or more rankings). */
export function agreements(consensusLines) {
  return consensusLines.map((line) => line.agreement).filter((value) => typeof value === 'number');
}
