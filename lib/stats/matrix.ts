// Small dense matrix helpers for the design-based table test (lib/stats/weighted.ts): matrices
// of a few hundred rows at most, so plain arrays and Gaussian elimination suffice.

export type Matrix = number[][];

export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function transpose(a: Matrix): Matrix {
  const cols = a[0]?.length ?? 0;
  return Array.from({ length: cols }, (_, j) => a.map((row) => row[j] as number));
}

export function multiply(a: Matrix, b: Matrix): Matrix {
  const inner = b.length;
  const cols = b[0]?.length ?? 0;
  return a.map((row) => {
    const out = new Array<number>(cols).fill(0);
    for (let k = 0; k < inner; k++) {
      const aik = row[k] as number;
      if (aik === 0) continue;
      const bk = b[k] as number[];
      for (let j = 0; j < cols; j++) out[j] = (out[j] as number) + aik * (bk[j] as number);
    }
    return out;
  });
}

/** Solves A X = B for X (A square, non-singular) by Gaussian elimination with partial pivoting. */
export function solve(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...(b[i] as number[])]);
  const width = m[0]?.length ?? 0;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]?.[col] as number) > Math.abs(m[pivot]?.[col] as number)) pivot = r;
    const top = m[pivot] as number[];
    if (Math.abs(top[col] as number) < 1e-300) throw new Error("singular matrix");
    m[pivot] = m[col] as number[];
    m[col] = top;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r] as number[];
      const factor = (row[col] as number) / (top[col] as number);
      if (factor === 0) continue;
      for (let j = col; j < width; j++) row[j] = (row[j] as number) - factor * (top[j] as number);
    }
  }
  return m.map((row, i) => row.slice(n).map((v) => v / (row[i] as number)));
}

/** The residual of each column of Y after least-squares projection on the columns of X (R: qr.resid(qr(X), Y)). */
export function projectionResidual(x: Matrix, y: Matrix): Matrix {
  const xt = transpose(x);
  const beta = solve(multiply(xt, x), multiply(xt, y));
  const fitted = multiply(x, beta);
  return y.map((row, i) => row.map((v, j) => v - (fitted[i]?.[j] as number)));
}

export function trace(a: Matrix): number {
  return a.reduce((sum, row, i) => sum + (row[i] as number), 0);
}
