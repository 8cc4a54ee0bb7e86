/** How `npm run demo` was asked to run. */
export interface DemoOptions {
  /** End after the summary (exit 0 when the demo's promises held) instead of serving on. */
  readonly exit: boolean;
  /** Print the summary as one JSON object on the last stdout line. */
  readonly json: boolean;
  /** The first of six consecutive ports for the services; undefined: free ports. */
  readonly basePort: number | undefined;
  readonly help: boolean;
}

export const DEMO_USAGE = `usage: npm run demo -- [--exit] [--json] [--base-port <port>]
  --exit             end after the summary (exit 0 when a booking and an opt-out happened and no DNC number was dialled)
  --json             print the summary as one JSON object on the last stdout line
  --base-port <port> run the six services on <port>..<port>+5 (default: free ports)`;

export class DemoOptionsError extends Error {
  constructor(message: string) {
    super(`${message}\n${DEMO_USAGE}`);
    this.name = 'DemoOptionsError';
  }
}

function portOf(value: string | undefined): number {
  if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65_530) {
    throw new DemoOptionsError(`--base-port expects a port from 1 to 65530, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  }
  return Number(value);
}

/** Parses the demo's arguments (after `--`); throws DemoOptionsError naming what is wrong. */
export function parseDemoOptions(args: readonly string[]): DemoOptions {
  let exit = false;
  let json = false;
  let help = false;
  let basePort: number | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--exit') exit = true;
    else if (name === '--json') json = true;
    else if (name === '--help' || name === '-h') help = true;
    else if (name === '--base-port') {
      if (inline !== undefined) basePort = portOf(inline);
      else {
        index += 1;
        basePort = portOf(args[index]);
      }
    } else throw new DemoOptionsError(`unknown argument ${JSON.stringify(arg)}`);
  }
  return { exit, json, basePort, help };
}
