/** A set that remembers at most `capacity` values, forgetting the oldest first. */
export class RecentSet {
  private readonly values = new Set<string>();

  constructor(private readonly capacity: number) {}

  add(value: string): void {
    this.values.delete(value);
    this.values.add(value);
    if (this.values.size > this.capacity) {
      const oldest = this.values.values().next();
      if (oldest.done !== true) this.values.delete(oldest.value);
    }
  }

  has(value: string): boolean {
    return this.values.has(value);
  }
}
