/** A CSV text that cannot be read as rows (an unterminated quoted field). */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`unterminated quoted field starting on line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * RFC 4180 rows: comma-separated, fields optionally in double quotes (holding commas, newlines
 * and "" for a quote), CRLF or LF line ends, a leading byte-order mark ignored, blank lines
 * skipped.
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      endRow();
      line += 1;
    } else {
      field += char;
    }
  }
  if (quoted) throw new CsvSyntaxError(quoteLine);
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Rows of a CSV with a header line, as records keyed by the header's (trimmed) names. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [header = [], ...rows] = parseCsv(text);
  const names = header.map((name) => name.trim());
  const records = rows.map((cells) => Object.fromEntries(cells.map((cell, index) => [names[index] ?? `column${index + 1}`, cell])));
  return { header: names, records };
}
