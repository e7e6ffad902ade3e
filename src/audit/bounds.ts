/**
 * Every bound the properties and the audit assert, in one place, each with how it was
 * derived or calibrated. Calibration sweeps: random instances from the P1 domain below,
 * seeds 1-4 (200 instances each), `robust` method, measuring
 *   err / (kappa sigma sqrt(d/n))                    on clean instances (eps = 0), and
 *   (err - 2 kappa sigma sqrt(d/n)) / (kappa sigma sqrt(eps))   on corrupted ones,
 * where kappa = sqrt(2 lambda_max(H*)) / lambda_min(H*) comes from the exact oracle
 * (src/audit/conditioning.ts). Maxima seen: 2.04 and 2.21. The constants below are those
 * maxima times a safety factor of 1.5, so that with R runs of a correct solver a failure
 * means a regression, not bad luck; the observed margins (measured / bound) are logged.
 * Re-run on the hardened solver (scripts/calibrate-p1.ts, seeds 101-104, which no audit
 * uses; 158 clean and 642 corrupted instances, 86 s): maxima 1.68 and 1.43, so the constants
 * were kept. What "max x 1.5" does not give is a probability: the full deep audit's P1 makes
 * about 270 runs a seed, and at deep seed 5 a clean case (leaky-relu, sigma / |w*| = 0.25,
 * student-t:3, d = 5, n = 1000, eps = 0) read 3.13 against C2 = 3.1. At eps = 0 `robust`,
 * `paper` and `plain` give the same w there; over 40 other instance seeds of that setting the
 * ratio's median is 1.00 and its maximum 2.01: the tail of least squares' error under
 * heavy-tailed noise, not a flaw of the hardening. Kept as a finding, not loosened.
 */
export const BOUNDS = {
  /** P1: robust-error constant in |w_hat - w*| <= kappa sigma (C1 sqrt(eps) + C2 sqrt(d/n)).
   *  Calibrated: max 2.21 observed, x 1.5. */
  C1: 3.3,
  /** P1: statistical constant (see C1). Calibrated: max 2.04 observed on clean instances, x 1.5. */
  C2: 3.1,
  /** P1 domain: signal-to-noise sigma / |w*| at most this. Beyond it (sigma >= |w*| at
   *  n/d <= 200) the spectral start misses the basin: the sample size O~(d) hides an
   *  SNR-dependent constant (a finding, see the issue note). */
  maxNoiseToSignal: 0.5,
  /** P1 domain: n/d at least this (the paper's O~(d) samples, with its constant). */
  minSamplesPerDimension: 100,
  /** P1 domain: eps at most this (SPEC: the guarantee is for eps below a constant). */
  maxEps: 0.1,
  /* P2 (median error at d = 40 <= 1.6 x at d = 10) was replaced by the d-rate property
   * (RATES.d): a one-sided test of the slope in d at an explicit false-alarm probability. */
  /** P3: the empirical Hessian is positive definite on B(w*, r/2) once
   *  n >= this * d * lambda_max(H*) / lambda_min(H*). Bai-Yin: the empirical Hessian is within
   *  about 2 sqrt(d/n) lambda_max of the population one, which must stay below lambda_min.
   *  Plain n >= 50 d assumed lambda_min / lambda_max >= 0.3; the deep profile (seed 424242)
   *  broke it with tanh at |w*| = 2 (ratio 0.04, d = 3, n = 150), so the conditioning is in. */
  hessianSamplesPerDimension: 50,
  /** P3: the exact Hessian is positive definite on B(w*, (1 - basinInset) r). Derived: r is
   *  found by bisection to 2^-30 of a step, so strictly inside it lambda_min > 0 exactly;
   *  the inset only keeps quadrature error (1e-12) away from the boundary. */
  basinInset: 1e-6,
  /** P4: robust spectral init lands in B(w*, r) for n >= C d log d with this C, under every
   *  adversary with eps <= spectralMaxEps. Calibrated on 150 sampled instances of the P4
   *  domain: at C = 150 the worst |w0 - w*| / r was 0.50; at C = 60 two instances with
   *  n ~ 200 rows (d = 3) missed the basin. */
  spectralSamplesPerDLogD: 150,
  /** P4: eps_max of the spectral claim (its guarantee is O(eps^(1/4)), inside the basin only
   *  for small eps: at eps = 0.1, d = 10, n = 1000 the spectral plant defeats it, a finding). */
  spectralMaxEps: 0.05,
  /** P5: the filter's mean error <= CF sigma (sqrt(eps) + sqrt(d/n)) for inliers with
   *  covariance sigma^2 I. Calibrated: max observed over clusters, spreads and
   *  heavy-tailed inliers (d in 5..100, eps <= 0.1; deep profile, 800 runs, seed 3: 1.2), x 1.5. */
  CF: 1.8,
  /** P6 permutation invariance (hygiene): |fit(P x, P y) - fit(x, y)| <= this x max(1, |w|).
   *  Derived: an estimator whose answer is a function of the multiset of rows (the shipped
   *  methods put the rows in a content-fixed order first: src/model/canonicalRows.ts) gives
   *  the same bits for every permutation; 1e-9 leaves room for an estimator that only sums
   *  in input order (rounding moves a well-conditioned least-squares answer by ~1e-13).
   *  Before the canonical order, rounding-level differences flipped the filter's discrete
   *  decisions and moved w by up to 0.5% of |w|; a deep audit (seed 7) failed on it. */
  permutationTolerance: 1e-9,
  /** P6 rotation equivariance (hygiene): holds to max(1e-6 |w|, this share of the P1 bound).
   *  Rounding in the rotated products can flip a data-dependent discrete decision of the
   *  robust pipeline (the filter's cut, the step at which weights freeze), giving two equally
   *  valid fits a fraction of the statistical error apart. Measured with the shipped solver
   *  (test/audit/rotation.test.ts: 40 cases, seed 7: 37 agree to 1e-12 relative, the rest to
   *  5e-11; the 1280 cases of quick audit seeds 1-160: 94% to 1e-12, the largest difference
   *  28% of this tolerance). The tolerance was set at 5% before the solver was made to settle
   *  (src/solver/gradientDescent.ts: FREEZE_PROGRESS, the filter's cold start), when 4 of 40
   *  audit seeds exceeded it; it was not loosened: the solver was fixed. */
  invarianceShare: 0.05,
  invarianceTolerance: 1e-6,
  /** Exact recovery: without noise or corruption the robust fit is within this of w*
   *  (descent stops at a relative step of 1e-7; the error is the remaining contraction). */
  exactRecovery: 1e-5,
  /** P7: the contrasts that must fail. Plain GD under leverage errs by more than this times
   *  |w*| (the leverage rows pull w by |w*| along u; half of that is a clear break). */
  leverageBreak: 0.5,
  /** P7: the coordinate median's error at d = 160 exceeds this times its error at d = 10
   *  (it grows like sqrt(d): a factor 4; 2 is a clear break). */
  medianGrowth: 2,
  /** The deep profile's "search" property: the black-box search (src/adversaries/search.ts)
   *  gets this many evaluations per run, and the property this many runs. Chosen for time,
   *  not fitted: 40 evaluations are R8's quick budget, where the search already exceeds the
   *  catalogue against every estimator it was run on; 6 runs x 40 fits at n <= 8000, d <= 20
   *  add about a minute of CPU to a deep audit. The bound it asserts is P1's (calibrated
   *  on the catalogue adversaries), so the property is calibrated as well. */
  searchBudget: 40,
  searchRuns: 6,
} as const;

/**
 * The rate properties (src/audit/rates.ts): the claim's exponents, tested one-sidedly. Kind:
 * derived. No constant here was fitted to the shipped solver: the grids put each variable's
 * term in charge, the margin is a stated resolution, and each threshold is a t quantile at an
 * explicit false-alarm probability.
 */
export const RATES = {
  /** The whole audit's false-alarm probability for an estimator that meets the claim (the
   *  issue's size target): split by a union bound over every statistical run of a profile. */
  auditFalseAlarm: 0.01,
  /** Share of that probability given to the claim's statistical runs (the four rates and the
   *  breakdown count, five properties together): all
   *  of it. The audit's verdict is the claim's properties and hygiene; P1's constants are
   *  calibrated on the shipped solver (see BOUNDS.C1), a correct estimator with a larger
   *  constant fails it, so P1 is reported beside the verdict and counts only with
   *  `audit --constants` (then outside this budget: its false-alarm rate is measured by the
   *  size experiment, reports/audit-power.md, not derived). Each rate run gets
   *  auditFalseAlarm * rateShare / (5 x runs per property): 0.002 in the quick profile. */
  rateShare: 1,
  /** Exponent margin (resolution): a slope that departs from the claimed exponent by less
   *  than this is not called a violation, however many seeds resolve it. Derived from what a
   *  correct estimator's finite grid may show: O~ hides log factors (sqrt(log d) has a local
   *  log-log slope 0.5 / ln d, 0.14-0.3 over d = 5-40; sqrt(d log d / n) moves the n slope by
   *  0.5 / ln n, under 0.06 at n >= 4000), and a stopping tolerance adds a floor that bends
   *  the sigma slope by about floor / error. 0.1 keeps those below the test's reach except
   *  the d log factor, which the claim under test (error free of d) rules out anyway; a
   *  violation of interest (eps^(1/4), (d/n)^(1/4), a bias that ignores sigma) departs by
   *  0.25 or more. Over the eps grid's 20x span it allows R to grow by 20^0.1 = 1.35. */
  exponentMargin: 0.1,
  /** Seeds per grid point (each seed's instances share covariates and noise along the grid,
   *  so per-seed slopes are paired): 8 quick, 12 deep. The t test's degrees of freedom
   *  follow; 8 seeds put t_7(0.998) = 4.0 between the estimate and a false alarm. */
  seedsPerPoint: { quick: 8, deep: 12 },
  /** Experiments per rate property: one in the quick profile (one drawn link, norm, noise),
   *  three in the deep (the false-alarm share per run is divided accordingly). */
  runs: { quick: 1, deep: 3 },
  /** |w*| and noise families the experiments draw from (finite variance: the claim's). */
  norms: [1, 1.5],
  noises: ['gaussian', 'laplace', 'student-t:3', 'pareto:3'],
  /** A seed's log-log slope counts at most this far beyond the limit, in the direction that
   *  contradicts the claim (winsorized): one seed that diverges says "violated" loudly, and a
   *  t test must not read its extreme slope as spread that makes the others less sure. Found
   *  when the sigma-rate passed an estimator with no filtering at all (examples/flawed,
   *  under-filtering at 0): seven seeds erred a sigma-free 0.16 |w*| (slope 0, limit 0.9) and
   *  one diverged (slope about -12), which put the mean at -0.39 +- 0.35, t 3.70 against 4.03.
   *  Values are only ever moved towards the limit, so the mean can only move away from a
   *  rejection; a unit of exponent is a gross violation for one seed already. For a correct
   *  estimator it never binds (the robust solver's slopes sit within 0.1 of the claim's). */
  slopeClip: 1,
  /** Seeds of the pilot that picks the adversary strongest against the audited estimator (by
   *  the median excess over them). Three, so the median is one seed's: with two it was their
   *  mean, and one diverging seed picked its adversary. Found with the estimator that does not
   *  filter (examples/flawed/under-filtering.mjs at 0, relu): leverage made one pilot seed
   *  diverge and won the pilot, then erred a plain 0.05 |w*| at most other seeds, while
   *  label-shift moved every seed by a sigma-free 0.5 |w*|; the sigma-rate passed under
   *  leverage (slope 0.75 +- 0.18) and fails under label-shift (0.61 +- 0.02). */
  pilotSeeds: 3,
  /** The breakdown count (src/audit/breakdown.ts): at the edge of the claim's domain (eps 0.1,
   *  d = 10, n/d = 400) with little noise (sigma / |w*| = 0.01), every catalogue adversary at
   *  every seed of a run (7 x seeds per point fits), a fit breaks down when its error exceeds
   *  |w*| (worse than answering 0). The claim bounds that error by C kappa sigma (sqrt(eps) +
   *  sqrt(d/n)) = 0.0037 C kappa |w*|: a breakdown needs C kappa above 270, so it is a
   *  contradiction of the claim unless it is one of the claim's own low-probability failures.
   *  failureProbability is that probability per fit, as the audit reads "with high
   *  probability" at 400 rows per dimension (the paper's sample size grows with log(1/delta),
   *  so its failure probability at this n is far smaller; 1e-3 is generous). The run fails
   *  when the count reaches the binomial critical count at the run's false-alarm probability
   *  (2 of 56 quick). Kind: derived, with that stated probability; no constant fitted to the
   *  shipped solver, which breaks down at none of these fits. Why it exists: the slope tests
   *  read an intermittent divergence (a fit 10 |w*| away at one sigma, 0.05 |w*| at the next)
   *  as a steep or a flat slope at random; an estimator that half-filters
   *  (examples/flawed/under-filtering.mjs at 0.25) passed every rate that way. */
  breakdown: { eps: 0.1, d: 10, samplesPerDim: 400, noiseToSignal: 0.01, failureProbability: 1e-3 },
  /** eps grid: geometric from 0.1 to 0.005 (20x). d = 5, n/d = 4000 (n = 20000): the eps = 0
   *  floor kappa sigma sqrt(d/n) = 0.016 kappa sigma stays 4x below sigma sqrt(0.005) = 0.071
   *  sigma, so the excess at the smallest eps is not lost in the floor's spread; eps n = 100
   *  corrupted rows there. sigma / |w*| = 0.1. */
  eps: { grid: [0.1, 0.0473, 0.0224, 0.0106, 0.005], d: 5, samplesPerDim: 4000, noiseToSignal: 0.1 },
  /** sigma grid (sigma / |w*|): 0.3 to 0.003 (two decades) at eps = 0.05, d = 10, n/d = 400;
   *  the pilot runs at 0.1. Beyond 0.3 the spectral start may miss the basin (P1's domain). */
  sigma: { grid: [0.3, 0.1, 0.03, 0.01, 0.003], eps: 0.05, d: 10, samplesPerDim: 400, pilotNoiseToSignal: 0.1 },
  /** n grid (n/d): 100 to 3200 at eps = 0, d = 10, sigma / |w*| = 0.1: from P1's smallest
   *  sample size up 32x. At eps = 0 the error is a chi-like norm with a 20-30% spread per
   *  point, so this experiment takes twice the seeds (seedFactor; fits here are cheap). */
  n: { grid: [100, 200, 400, 800, 1600, 3200], d: 10, noiseToSignal: 0.1, seedFactor: 2 },
  /** d grid: 10 to 80 at n/d = 200, eps = 0.05 (the pilot at d = 10), sigma / |w*| = 0.1.
   *  Finding that set the lower end: the shipped solver under the white-box covariance shift
   *  errs 35% less at d = 5 than at d >= 10 (0.10 against 0.155 sigma, gelu, 6 seeds), then
   *  0.14-0.19 from d = 10 to 80 (slope ~0.1): starting the grid at 5 reads that small-d
   *  effect as growth (slope 0.25-0.34). From d = 10 on, the grid spans 8x. */
  d: { grid: [10, 20, 40, 80], samplesPerDim: 200, eps: 0.05, noiseToSignal: 0.1, pilotD: 10 },
} as const;

/**
 * Bounds of the reproductions (reproductions/, reports/) that are not properties' bounds.
 * Each says how it was derived; none was tuned to make a run pass.
 */
export const REPRODUCTION = {
  /** R1-R3 rate verdicts: each a one-sided t test at this probability (R1 gelu, R1 swish,
   *  R2, R3: four rate verdicts, 1% together by a union bound), read in the direction that
   *  contradicts the claim, with the exponent margin RATES.exponentMargin. */
  rateAlpha: 0.0025,
  /** R1: a baseline "breaks down" when its median error is at least this multiple of the
   *  robust solver's. Derived: the seed-to-seed spread of median errors over 3-10 seeds is
   *  within a factor 1.5 (R7's median vs p90 columns), so a factor 2 is a difference of
   *  estimators, not of seeds. */
  baselineBreakRatio: 2,
  /** R4: the fitted exponent of wall time in n d is within this of 1 (the O~(nd) claim; the
   *  band [0.9, 1.1] is the scale issue's target: log factors and cache effects over 1.5
   *  decades move the exponent by a few hundredths, a quadratic step by far more). */
  timeExponentTolerance: 0.1,
  /** R5: the Monte Carlo lambda_min(H) in d dimensions is within this many standard errors
   *  (delta method, 20000 rows) of the exact value at every point checked. Derived: 36
   *  points (2 links x 3 d x 6 points); for a correct landscape each exceeds 4 with
   *  probability 6e-5, so a false alarm has probability about 0.2%. A landscape that moved
   *  with d would miss by far more: the complement eigenvalue's estimate sharpens with d. */
  monteCarloZ: 4,
} as const;

/**
 * Seed 002 (a ReLU gate trained online under label poisoning): the bounds its properties and
 * report check. The paper's own constants could not be read (only its abstract is reachable),
 * so the bound's form is derived here and its constant calibrated, as for BOUNDS.
 */
export const GATE = {
  /** Step size of every run (d = 10): the expected squared contraction per step,
   *  1 - eta + eta^2 (d / (2b) + 1/4) for unit-variance symmetric covariates, is below 1 for
   *  every batch b >= 1 at eta = 0.1 (0.953 at b = 1, 0.906 at b = 16). */
  eta: 0.1,
  /** Realizable runs: |w_T - w*| <= this after `realizableSteps` steps at batch >= 4.
   *  Derived: at b >= 4 the contraction above gives |w_t - w*| <= 0.1 x 0.96^t in
   *  expectation, 1e-15 at t = 800 (the rounding floor); 1e-8 leaves room for heavy-tailed
   *  covariates (Student-t(4) has no fourth moment, so the contraction is slower early). */
  realizableError: 1e-8,
  realizableSteps: 800,
  /** Poisoned runs (batch b, eta, attack probability beta, magnitude theta): the stationary
   *  error (median of |w_t - w*| over the last 20% of 2000 steps) is at most
   *  poisoningC theta sqrt(beta eta d / b). Form derived from the linearized recursion
   *  e <- (I - eta M) e + eta mean_b(xi x), M ~ I/2, the attack's label noise xi of variance
   *  beta theta^2: stationary E|e|^2 ~ eta beta theta^2 d / b. Calibrated for the glmtron and
   *  sgd updates on 360 runs each (seeds 101-102, three covariate laws, b in {4, 16, 64},
   *  beta in {0.005 .. 0.9}, theta in {0.125 .. 4}): max ratio 1.29 (glmtron), 1.02 (sgd),
   *  x 1.5. The label-sign update reaches 23.7: it is outside this bound (a finding). */
  poisoningC: 1.9,
  /** Realizable: steps to reach 1e-6 do not grow with the batch (median over seeds), up to
   *  this factor between consecutive batch sizes (the contraction saturates once b >~ d, where
   *  the seed-to-seed spread of those step counts is a few percent). */
  batchTolerance: 1.1,
  /** "Trajectories alike": a non-gradient update's stationary error is within this factor
   *  of SGD's on the same samples and attacks. */
  trajectoryRatio: 2,
} as const;

/**
 * Seed 001 (robust GLM learning under adversarial label noise): its bounds.
 */
export const GLM = {
  /** Dimension and sample size of every instance (the talk's poly(d, 1/eps) samples). */
  d: 10,
  n: 20000,
  /** F(w_hat) <= C OPT_plane + epsTarget for the surrogate and the OU field. Calibrated on
   *  seeds 101-102 (4 activations x competing-neuron and bounded-shift at 0.05-0.3, both
   *  methods, 128 fits): max (F - eps) / OPT observed 2.02 (the surrogate, staircase with a
   *  bounded shift of 0.05; the OU field's maximum was 0.98), x 1.5. */
  C: 3.1,
  /** The additive eps: ten times d / n, the excess risk of a d-parameter fit on n samples. */
  epsTarget: 0.005,
  /** The alignment-sharpness inequality is checked up to this many standard errors of its
   *  sample left side (a failure would be a sign error or a wrong mu, not noise). */
  sharpnessZ: 3,
  /** Angle (degrees) of the spurious stationary point from w*. */
  spuriousAngle: 150,
} as const;

/**
 * Seed 003 (spectral initialization asymptotics): tolerances of the finite-size checks.
 * Calibration sweeps: phase retrieval with the optimal T, clip:3, trim:5, indicator:2 and
 * gelu with clip:1, d in {200, 500}, seeds 101-103 (above) and 201-204 (below).
 */
export const SPECTRAL = {
  /** The finite-size check applies from this multiple of alpha_c up (outside the critical
   *  window around the threshold, where fluctuations decay more slowly than d^-1/2). */
  aboveFactor: 2.5,
  /** |empirical - closed form| <= finiteSizeC / sqrt(d) for every draw. Calibrated: the
   *  largest sqrt(d) |difference| seen was 4.27 (the optimal T at alpha = 1.25, d = 200:
   *  its heavy negative tail makes small d noisy), x 1.5. */
  finiteSizeC: 6.4,
  /** Below threshold: the check is at this multiple of alpha_c. */
  belowFactor: 0.5,
  /** There, the empirical overlap <= belowC / sqrt(d). Calibrated: largest sqrt(d) overlap
   *  seen 1.87 (trim:5, d = 500), x 1.5. A random direction has overlap about 1/d. */
  belowC: 2.8,
  /** Two-stage algorithm: from this alpha up (6 alpha_c for the optimal T) Wirtinger flow from
   *  the spectral start reaches a relative error of at most wfError in 500 steps: a
   *  geometric decrease from a start at 0.2-0.4; far from it the run stalls or diverges. */
  wfAlpha: 3,
  wfError: 1e-3,
} as const;

/**
 * Seed 004 (pReLU networks on orthonormal Gaussian mixtures).
 */
export const PRELU = {
  /** "Nearly optimally robust": the median minimal flip found on test points is at least this
   *  share of sqrt(2)/2. Derived: the points spread by about alpha = 0.1 around their centers,
   *  which moves their distance to the optimal boundary by up to alpha / sqrt(2) = 0.07, 10% of
   *  sqrt(2)/2; a classifier within that is as robust as the data allows. */
  nearlyOptimalShare: 0.9,
} as const;
