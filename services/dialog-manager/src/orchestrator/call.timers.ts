/** Named timers per call (silence, tool time-outs), cleared by name, per call, or all at shutdown. */
export class CallTimers {
  private readonly timers = new Map<string, Map<string, NodeJS.Timeout>>();

  set(callId: string, name: string, delayMs: number, fire: () => void): void {
    this.clear(callId, name);
    const perCall = this.timers.get(callId) ?? new Map<string, NodeJS.Timeout>();
    this.timers.set(callId, perCall);
    const timer = setTimeout(() => {
      perCall.delete(name);
      fire();
    }, delayMs);
    timer.unref();
    perCall.set(name, timer);
  }

  clear(callId: string, name: string): void {
    const perCall = this.timers.get(callId);
    const timer = perCall?.get(name);
    if (timer !== undefined) clearTimeout(timer);
    perCall?.delete(name);
  }

  clearAll(callId: string): void {
    for (const timer of this.timers.get(callId)?.values() ?? []) clearTimeout(timer);
    this.timers.delete(callId);
  }

  clearEverything(): void {
    for (const callId of [...this.timers.keys()]) this.clearAll(callId);
  }
}
