/** One XML element: name, attributes, and its children in document order. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | { readonly text: string };

export class XmlSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = 'XmlSyntaxError';
  }
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_.:]*/y;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const MAX_DEPTH = 64;

/**
 * A small strict XML parser, enough for TwiML: one root element, attributes in quotes,
 * character and the five predefined entities, CDATA, comments and the XML declaration.
 * DOCTYPE and processing instructions other than the declaration are refused, as is any
 * mismatched or unclosed tag and any text outside the root.
 */
export function parseXml(source: string): XmlElement {
  const parser = new Parser(source);
  parser.skipProlog();
  const root = parser.element(0);
  parser.skipMisc();
  if (parser.position < source.length) throw new XmlSyntaxError('content after the root element', parser.position);
  return root;
}

export function isElement(node: XmlNode): node is XmlElement {
  return 'name' in node;
}

class Parser {
  position = 0;

  constructor(private readonly source: string) {}

  skipProlog(): void {
    if (this.source.charCodeAt(0) === 0xfeff) this.position = 1;
    this.skipWhitespace();
    if (this.source.startsWith('<?xml', this.position)) {
      const end = this.source.indexOf('?>', this.position);
      if (end < 0) throw new XmlSyntaxError('unterminated XML declaration', this.position);
      this.position = end + 2;
    }
    this.skipMisc();
  }

  skipMisc(): void {
    for (;;) {
      this.skipWhitespace();
      if (this.source.startsWith('<!--', this.position)) this.skipComment();
      else if (this.source.startsWith('<!DOCTYPE', this.position)) throw new XmlSyntaxError('DOCTYPE is not allowed', this.position);
      else if (this.source.startsWith('<?', this.position)) throw new XmlSyntaxError('unexpected processing instruction', this.position);
      else return;
    }
  }

  element(depth: number): XmlElement {
    if (depth > MAX_DEPTH) throw new XmlSyntaxError('elements nested too deeply', this.position);
    this.expect('<');
    const name = this.name();
    const attributes = this.attributes();
    if (this.source.startsWith('/>', this.position)) {
      this.position += 2;
      return { name, attributes, children: [] };
    }
    this.expect('>');
    const children = this.content(name, depth);
    return { name, attributes, children };
  }

  private content(parent: string, depth: number): XmlNode[] {
    const children: XmlNode[] = [];
    let text = '';
    const flushText = (): void => {
      if (text.length > 0) children.push({ text });
      text = '';
    };
    for (;;) {
      if (this.position >= this.source.length) throw new XmlSyntaxError(`unclosed element <${parent}>`, this.position);
      if (this.source.startsWith('</', this.position)) {
        this.position += 2;
        const closing = this.name();
        if (closing !== parent) throw new XmlSyntaxError(`</${closing}> does not close <${parent}>`, this.position);
        this.skipWhitespace();
        this.expect('>');
        flushText();
        return children;
      }
      if (this.source.startsWith('<!--', this.position)) {
        this.skipComment();
      } else if (this.source.startsWith('<![CDATA[', this.position)) {
        const end = this.source.indexOf(']]>', this.position);
        if (end < 0) throw new XmlSyntaxError('unterminated CDATA section', this.position);
        text += this.source.slice(this.position + 9, end);
        this.position = end + 3;
      } else if (this.source.startsWith('<?', this.position) || this.source.startsWith('<!', this.position)) {
        throw new XmlSyntaxError('unexpected markup declaration', this.position);
      } else if (this.source[this.position] === '<') {
        flushText();
        children.push(this.element(depth + 1));
      } else {
        text += this.textRun();
      }
    }
  }

  private attributes(): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (;;) {
      const hadSpace = this.skipWhitespace();
      const next = this.source[this.position];
      if (next === '>' || next === '/' || next === undefined) return attributes;
      if (!hadSpace) throw new XmlSyntaxError('attributes must be separated by whitespace', this.position);
      const name = this.name();
      this.skipWhitespace();
      this.expect('=');
      this.skipWhitespace();
      const quote = this.source[this.position];
      if (quote !== '"' && quote !== "'") throw new XmlSyntaxError(`attribute ${name} value must be quoted`, this.position);
      const end = this.source.indexOf(quote, this.position + 1);
      if (end < 0) throw new XmlSyntaxError(`unterminated value of attribute ${name}`, this.position);
      const raw = this.source.slice(this.position + 1, end);
      if (raw.includes('<')) throw new XmlSyntaxError(`'<' in the value of attribute ${name}`, this.position);
      if (Object.hasOwn(attributes, name)) throw new XmlSyntaxError(`duplicate attribute ${name}`, this.position);
      attributes[name] = decodeEntities(raw, this.position);
      this.position = end + 1;
    }
  }

  private textRun(): string {
    const end = this.source.indexOf('<', this.position);
    const stop = end < 0 ? this.source.length : end;
    const raw = this.source.slice(this.position, stop);
    const decoded = decodeEntities(raw, this.position);
    this.position = stop;
    return decoded;
  }

  private name(): string {
    NAME.lastIndex = this.position;
    const match = NAME.exec(this.source);
    if (match === null) throw new XmlSyntaxError('expected a name', this.position);
    this.position += match[0].length;
    return match[0];
  }

  private skipComment(): void {
    const end = this.source.indexOf('-->', this.position + 4);
    if (end < 0) throw new XmlSyntaxError('unterminated comment', this.position);
    this.position = end + 3;
  }

  private skipWhitespace(): boolean {
    const start = this.position;
    while (this.position < this.source.length && /\s/.test(this.source[this.position] ?? '')) this.position += 1;
    return this.position > start;
  }

  private expect(token: string): void {
    if (!this.source.startsWith(token, this.position)) throw new XmlSyntaxError(`expected '${token}'`, this.position);
    this.position += token.length;
  }
}

function decodeEntities(raw: string, offset: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new XmlSyntaxError(`bare '&' (write &amp;)`, offset);
    const named = ENTITIES[body];
    if (named !== undefined) return named;
    const code = body.startsWith('#x') ? Number.parseInt(body.slice(2), 16) : body.startsWith('#') ? Number.parseInt(body.slice(1), 10) : Number.NaN;
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff) throw new XmlSyntaxError(`unknown entity &${body};`, offset);
    return String.fromCodePoint(code);
  });
}
