// Click deltas waiting to be written, keyed by (documentId, locale, day). A write
// takes the whole batch; it stays counted as pending until it is settled (written) or
// discarded (the write failed and its clicks were answered as not stored).

export type ClickRow = { documentId: string; locale: string; day: string; delta: number };

export class ClickBuffer {
  private rows = new Map<string, ClickRow>();
  private perDocument = new Map<string, number>();
  private inFlight = new Map<string, number>();

  add(documentId: string, locale: string, day: string, delta = 1) {
    const key = `${documentId}\u0000${locale}\u0000${day}`;
    const row = this.rows.get(key);
    if (row) row.delta += delta;
    else this.rows.set(key, { documentId, locale, day, delta });
    this.perDocument.set(documentId, (this.perDocument.get(documentId) ?? 0) + delta);
  }

  /** Clicks of a document not yet in the database (waiting or being written). */
  pending(documentId: string): number {
    return (this.perDocument.get(documentId) ?? 0) + (this.inFlight.get(documentId) ?? 0);
  }

  /** Pending clicks of a document per day. */
  pendingByDay(documentId: string): Map<string, number> {
    const byDay = new Map<string, number>();
    for (const rows of [this.rows.values(), ...this.batches.map((batch) => batch.values())]) {
      for (const row of rows) {
        if (row.documentId === documentId) byDay.set(row.day, (byDay.get(row.day) ?? 0) + row.delta);
      }
    }
    return byDay;
  }

  get size() {
    return this.rows.size;
  }

  private batches: Array<Map<string, ClickRow>> = [];

  /** Takes everything waiting; it stays counted as pending until `settle` or `discard`. */
  take(): Map<string, ClickRow> {
    const batch = this.rows;
    this.rows = new Map();
    for (const [documentId, count] of this.perDocument) this.inFlight.set(documentId, (this.inFlight.get(documentId) ?? 0) + count);
    this.perDocument = new Map();
    this.batches.push(batch);
    return batch;
  }

  /** The batch is in the database: stop counting it as pending. */
  settle(batch: Map<string, ClickRow>) {
    this.dropBatch(batch);
  }

  /** The write failed and its clicks were refused: forget the batch. */
  discard(batch: Map<string, ClickRow>) {
    this.dropBatch(batch);
  }

  private dropBatch(batch: Map<string, ClickRow>) {
    this.batches = this.batches.filter((b) => b !== batch);
    for (const row of batch.values()) {
      const left = (this.inFlight.get(row.documentId) ?? 0) - row.delta;
      if (left > 0) this.inFlight.set(row.documentId, left);
      else this.inFlight.delete(row.documentId);
    }
  }
}
