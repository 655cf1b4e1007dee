// Which field a diagnostic belongs to: the innermost anchor whose text holds the diagnostic's start
// (a threshold before its row, its row before the table). What no field holds is shown at the top.

export interface PlacedDiagnostic {
  /** Offset of the diagnostic's start in the text. */
  offset: number;
}

export function placeDiagnostics<D extends PlacedDiagnostic>(
  spans: Record<string, [number, number]>,
  diagnostics: readonly D[],
): { byAnchor: Record<string, D[]>; unplaced: D[] } {
  const byAnchor: Record<string, D[]> = {};
  const unplaced: D[] = [];
  const entries = Object.entries(spans);
  for (const diagnostic of diagnostics) {
    let best: string | undefined;
    let bestLength = Number.POSITIVE_INFINITY;
    for (const [anchor, [start, end]] of entries) {
      const holds = start <= diagnostic.offset && (diagnostic.offset < end || (start === end && diagnostic.offset === start));
      if (holds && end - start < bestLength) {
        best = anchor;
        bestLength = end - start;
      }
    }
    if (best === undefined) unplaced.push(diagnostic);
    else (byAnchor[best] ??= []).push(diagnostic);
  }
  return { byAnchor, unplaced };
}
