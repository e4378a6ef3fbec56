/** One training row: feature values (null = missing) and whether the outcome was the positive class. */
export type LogisticSample = { features: readonly (number | null)[]; positive: boolean };

/** Tuning of the fit; the defaults suit a few hundred accounts and a dozen measures. */
export type LogisticFitOptions = { l2?: number; maxIterations?: number; tolerance?: number };

/** A fitted feature: its standardisation and coefficients. */
export type FittedFeature = {
  /** Mean and population standard deviation of the observed values; missing values were imputed with the mean. */
  mean: number;
  sd: number;
  observed: number;
  /** Change of log-odds per standard deviation of the feature. */
  coefficient: number;
  /** Change of log-odds per unit of the raw feature (coefficient / sd); 0 for a constant feature. */
  perUnit: number;
  /** Change of log-odds when the value is missing, on top of imputing the mean. */
  missingCoefficient: number;
};

/** An L2-regularised logistic regression. */
export type LogisticFit = { intercept: number; features: FittedFeature[]; iterations: number; converged: boolean };

/**
 * Fits P(positive) = σ(b + Σ βⱼ·zⱼ + Σ γⱼ·missingⱼ) by Newton's method (IRLS) with step halving,
 * where zⱼ is feature j standardised over its observed values and a missing value is imputed with
 * the mean (z = 0) plus a missing indicator. The L2 penalty (λ/2)·(‖β‖² + ‖γ‖²), intercept
 * excluded, keeps the fit finite on separable data and shrinks weak features toward 0; on
 * standardised features one λ treats every feature alike. Deterministic: no randomness, no
 * dependency on row order beyond float summation.
 */
export function fitLogisticWeights(samples: readonly LogisticSample[], options: LogisticFitOptions = {}): LogisticFit {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-9;
  const featureCount = samples[0]?.features.length ?? 0;

  const stats = Array.from({ length: featureCount }, (_, j) => {
    const values = samples
      .map((sample) => sample.features[j])
      .filter((value): value is number => value !== null && value !== undefined && Number.isFinite(value));
    const mean = values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
    const variance = values.length > 0 ? values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length : 0;
    return { mean, sd: Math.sqrt(variance), observed: values.length };
  });
  const design = samples.map((sample) => toDesignRow(sample.features, stats));
  const targets = samples.map((sample) => (sample.positive ? 1 : 0));
  const width = 1 + 2 * featureCount;
  // The intercept gets a vanishing ridge only so the Hessian stays invertible when every row is one class.
  const penalty = Array.from({ length: width }, (_, k) => (k === 0 ? 1e-9 : l2));

  let beta = new Array<number>(width).fill(0);
  let objective = penalisedLogLikelihood(design, targets, beta, penalty);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations += 1;
    const { gradient, hessian } = gradientAndHessian(design, targets, beta, penalty);
    const step = solveLinearSystem(hessian, gradient);
    if (!step) break;
    let scale = 1;
    let candidate = beta;
    let candidateObjective = objective;
    // Newton on a concave objective rarely overshoots, but halving makes every accepted step an improvement.
    for (let halvings = 0; halvings < 30; halvings += 1) {
      candidate = beta.map((value, k) => value + scale * (step[k] ?? 0));
      candidateObjective = penalisedLogLikelihood(design, targets, candidate, penalty);
      if (candidateObjective >= objective - 1e-12) break;
      scale /= 2;
    }
    const largestMove = Math.max(...step.map((value) => Math.abs(value * scale)));
    beta = candidate;
    converged = largestMove < tolerance || Math.abs(candidateObjective - objective) < tolerance * (1 + Math.abs(objective));
    objective = candidateObjective;
  }

  return {
    intercept: beta[0] ?? 0,
    features: stats.map((stat, j) => {
      const coefficient = beta[1 + j] ?? 0;
      return {
        ...stat,
        coefficient,
        perUnit: stat.sd > 0 ? coefficient / stat.sd : 0,
        missingCoefficient: beta[1 + featureCount + j] ?? 0,
      };
    }),
    iterations,
    converged,
  };
}

/** The fitted log-odds of the positive class for one row of raw features. */
export function predictLogOdds(fit: LogisticFit, features: readonly (number | null)[]): number {
  return fit.features.reduce((sum, feature, j) => {
    const value = features[j];
    if (value === null || value === undefined || !Number.isFinite(value)) return sum + feature.missingCoefficient;
    return sum + (feature.sd > 0 ? (feature.coefficient * (value - feature.mean)) / feature.sd : 0);
  }, fit.intercept);
}

function toDesignRow(features: readonly (number | null)[], stats: readonly { mean: number; sd: number }[]): number[] {
  const standardised = stats.map(({ mean, sd }, j) => {
    const value = features[j];
    return value === null || value === undefined || !Number.isFinite(value) || sd === 0 ? 0 : (value - mean) / sd;
  });
  const missing = stats.map((_, j) => {
    const value = features[j];
    return value === null || value === undefined || !Number.isFinite(value) ? 1 : 0;
  });
  return [1, ...standardised, ...missing];
}

function penalisedLogLikelihood(design: number[][], targets: number[], beta: number[], penalty: number[]): number {
  let total = 0;
  design.forEach((row, i) => {
    const eta = dot(row, beta);
    // y·η − log(1 + e^η), written so that large |η| cannot overflow.
    total += (targets[i] ?? 0) * eta - (Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta))));
  });
  return total - 0.5 * beta.reduce((sum, value, k) => sum + (penalty[k] ?? 0) * value * value, 0);
}

function gradientAndHessian(
  design: number[][],
  targets: number[],
  beta: number[],
  penalty: number[],
): { gradient: number[]; hessian: number[][] } {
  const width = beta.length;
  const gradient = beta.map((value, k) => -(penalty[k] ?? 0) * value);
  const hessian = Array.from({ length: width }, (_, r) => Array.from({ length: width }, (_, c) => (r === c ? (penalty[r] ?? 0) : 0)));
  design.forEach((row, i) => {
    const p = 1 / (1 + Math.exp(-dot(row, beta)));
    const residual = (targets[i] ?? 0) - p;
    const w = p * (1 - p);
    for (let r = 0; r < width; r += 1) {
      const xr = row[r] ?? 0;
      if (xr === 0) continue;
      gradient[r] = (gradient[r] ?? 0) + xr * residual;
      const hessianRow = hessian[r]!;
      for (let c = 0; c < width; c += 1) hessianRow[c] = (hessianRow[c] ?? 0) + w * xr * (row[c] ?? 0);
    }
  });
  return { gradient, hessian };
}

/** Solves A·x = b by Gaussian elimination with partial pivoting; null when A is singular. */
function solveLinearSystem(matrix: number[][], vector: number[]): number[] | null {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-14) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const pivotRow = a[col]!;
    for (let r = col + 1; r < n; r += 1) {
      const row = a[r]!;
      const factor = row[col]! / pivotRow[col]!;
      if (factor === 0) continue;
      for (let c = col; c <= n; c += 1) row[c] = row[c]! - factor * pivotRow[c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    const row = a[r]!;
    let sum = row[n]!;
    for (let c = r + 1; c < n; c += 1) sum -= row[c]! * x[c]!;
    x[r] = sum / row[r]!;
  }
  return x;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < a.length; k += 1) sum += (a[k] ?? 0) * (b[k] ?? 0);
  return sum;
}
