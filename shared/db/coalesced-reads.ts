/**
 * Reads of one hot item shared by the callers who need it at the same moment. A rush of a
 * thousand answers on one event each read the event's tally: one read per caller is a thousand
 * reads of the same few hundred bytes, each waiting its turn in the engine.
 *
 * Every caller still gets a read that STARTED AFTER its own call (so a caller that has just
 * written sees its write, as with a read of its own): while a read of the key is in flight, later
 * callers wait for it to end and then share the next one. So at most two reads of a key are ever
 * pending, whatever the crowd. Nothing is cached beyond the read itself.
 */
export function coalescedReads<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  type State = { running?: Promise<T>; next?: Promise<T> };
  const states = new Map<string, State>();

  function start(key: string, state: State): Promise<T> {
    const running = read(key);
    state.running = running;
    const done = () => {
      if (state.running !== running) return;
      state.running = undefined;
      if (!state.next) states.delete(key);
    };
    running.then(done, done);
    return running;
  }

  return (key) => {
    let state = states.get(key);
    if (!state) {
      state = {};
      states.set(key, state);
    }
    const running = state.running;
    if (!running) return start(key, state);
    const s = state;
    s.next ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        s.next = undefined;
        return start(key, s);
      });
    return s.next;
  };
}
