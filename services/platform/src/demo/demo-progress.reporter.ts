import { setTimeout as sleep } from 'node:timers/promises';
import { campaignSettled, type CampaignProgressView } from './demo-campaign.driver';

function counted(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? 'none' : entries.map(([key, n]) => `${key} ${n}`).join(', ');
}

/** One line for a campaign's progress: attempts by status and outcome, and what the calls achieved. */
export function describeProgress(progress: CampaignProgressView): string {
  return (
    `campaign ${progress.status}: attempts ${counted(progress.attempts.byStatus)}; outcomes ${counted(progress.attempts.byOutcome)}; ` +
    `consents ${progress.consents.granted} granted, ${progress.consents.refused} refused; booked ${progress.appointmentsBooked}; opted out ${progress.dncAdded}`
  );
}

/** Writes the demo's live progress, one line per change, to stderr (stdout is kept for the summary). */
export class DemoProgressReporter {
  constructor(private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {}

  line(text: string): void {
    this.write(`demo: ${text}`);
  }

  /**
   * Polls the campaign's progress, printing each change, until every attempt is final;
   * throws when that takes longer than `timeoutMs`.
   */
  async followCampaign(read: () => Promise<CampaignProgressView>, options: { readonly intervalMs: number; readonly timeoutMs: number }): Promise<CampaignProgressView> {
    const deadline = Date.now() + options.timeoutMs;
    let last = '';
    for (;;) {
      const progress = await read();
      const text = describeProgress(progress);
      if (text !== last) this.line(text);
      last = text;
      if (campaignSettled(progress)) return progress;
      if (Date.now() > deadline) throw new Error(`the campaign did not finish within ${options.timeoutMs} ms (${text})`);
      await sleep(options.intervalMs);
    }
  }
}
