/**
 * Reads by key that are asked for in one turn of the event loop, sent to the database together
 * (decision 123): the reads wait until that turn's I/O is done, so that every request that arrived
 * in it has asked, then one statement reads all their keys, each once. Under load many requests
 * arrive together, and each round trip to PostgreSQL costs the server's one thread a write to the
 * database's socket. A read asked for while a statement is under way waits for the next one: it is
 * always sent after its caller asked, so it sees every change committed before.
 */
export class ReadTogether<Row> {
  #waiting = new Map<string, { resolve(row: Row | undefined): void; reject(error: unknown): void }[]>();
  #scheduled = false;
  readonly #readAll;

  /** `readAll` reads the rows of these keys, by key; a key without a row reads as undefined. */
  constructor(readAll: (keys: string[]) => Promise<Map<string, Row>>) {
    this.#readAll = readAll;
  }

  read(key: string): Promise<Row | undefined> {
    return new Promise((resolve, reject) => {
      const waiting = this.#waiting.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.#waiting.set(key, [{ resolve, reject }]);
      if (!this.#scheduled) {
        this.#scheduled = true;
        // After the I/O of this turn: every request read in it has asked by then.
        setImmediate(() => void this.#readBatch());
      }
    });
  }

  async #readBatch() {
    const batch = this.#waiting;
    this.#waiting = new Map();
    this.#scheduled = false;
    try {
      const rows = await this.#readAll([...batch.keys()]);
      for (const [key, waiting] of batch) for (const one of waiting) one.resolve(rows.get(key));
    } catch (error) {
      // Every read of a failed statement fails, and only those: the next batch is a new statement.
      for (const waiting of batch.values()) for (const one of waiting) one.reject(error);
    }
  }
}
