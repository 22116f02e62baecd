/** A one-line progress bar with rows/s and ETA, redrawn in place on a terminal. */
export function progressReporter(label: string) {
  const started = Date.now();
  let lastDraw = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - lastDraw < 200) return;
    lastDraw = now;
    const elapsed = Math.max((now - started) / 1000, 0.001);
    const rate = done / elapsed;
    const eta = rate > 0 ? (total - done) / rate : 0;
    const width = 28;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    const line =
      `${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ` +
      `${done.toLocaleString("en")}/${total.toLocaleString("en")} · ${Math.round(rate).toLocaleString("en")} rows/s · ` +
      `ETA ${eta.toFixed(0)} s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}${done >= total ? "\n" : ""}`);
    else if (done >= total) console.log(line);
  };
}
