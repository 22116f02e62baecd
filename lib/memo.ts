// A process-wide memo of a pure function's results by string key, forgotten all at once when it
// holds `limit` of them (the keys a server meets repeat; a bound keeps odd ones from piling up).
export function boundedMemo<V>(limit: number): (key: string, compute: () => V) => V {
  const known = new Map<string, V>();
  return (key, compute) => {
    if (known.has(key)) return known.get(key) as V;
    const value = compute();
    if (known.size >= limit) known.clear();
    known.set(key, value);
    return value;
  };
}
