// At most one request in flight: while one is out, newer queries wait and
// only the newest is sent when it returns.

export interface OneInFlight<Q> {
  push: (query: Q) => void;
  /** Forgets waiting queries and drops the reply of the one in flight. */
  reset: () => void;
}

export function oneInFlight<Q, R>(
  send: (query: Q) => Promise<R>,
  deliver: (reply: R) => void,
  fail: (error: unknown) => void,
): OneInFlight<Q> {
  let busy = false;
  let waiting: { query: Q } | null = null;
  let generation = 0;

  const start = (query: Q) => {
    busy = true;
    const sentIn = generation;
    send(query)
      .then(
        (reply) => {
          if (sentIn === generation) deliver(reply);
        },
        (error: unknown) => {
          if (sentIn === generation) fail(error);
        },
      )
      .finally(() => {
        busy = false;
        const next = waiting;
        waiting = null;
        if (next) start(next.query);
      });
  };

  return {
    push: (query) => {
      if (busy) waiting = { query };
      else start(query);
    },
    reset: () => {
      generation += 1;
      waiting = null;
    },
  };
}
