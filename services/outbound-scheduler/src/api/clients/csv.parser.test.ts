import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvRecords, CsvSyntaxError, parseCsv } from './csv.parser';

describe('parseCsv', () => {
  it('reads plain rows with LF or CRLF line ends and skips blank lines', () => {
    assert.deepEqual(parseCsv('a,b\n1,2\r\n\r\n3,4'), [['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    assert.deepEqual(parseCsv('"x, y","say ""hi""","line 1\nline 2"\n'), [['x, y', 'say "hi"', 'line 1\nline 2']]);
  });

  it('ignores a leading byte-order mark and keeps empty fields', () => {
    assert.deepEqual(parseCsv('\uFEFFname,,last\n,,'), [['name', '', 'last'], ['', '', '']]);
  });

  it('refuses an unterminated quoted field, naming its line', () => {
    assert.throws(() => parseCsv('a\nb\n"open\nstill open'), (error: unknown) => error instanceof CsvSyntaxError && error.line === 3);
  });

  it('keys records by the trimmed header names', () => {
    assert.deepEqual(csvRecords(' firstName , phoneE164\nAnn,+15550001111').records, [{ firstName: 'Ann', phoneE164: '+15550001111' }]);
  });
});
