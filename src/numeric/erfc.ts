/**
 * The complementary error function, bit for bit the value of `@stdlib/math-base-special-erfc`
 * (FreeBSD's s_erf.c, with stdlib's `exp`, itself FreeBSD's e_exp.c), written out by hand.
 *
 * Why by hand: gelu's `phi` and `phi'` evaluate erfc once per row in every gradient pass and
 * 71 times per row in the spectral start's scale fit, so erfc sets the speed of a gelu fit at
 * small d (reports/bench.md). stdlib reaches the bits of a double through typed-array views
 * (`setLowWord` in erfc, `normalize`/`toWords`/`fromWords` in `ldexp`), which costs about a
 * third of each call. Here the same operations run in the same order on plain numbers: the
 * low-word clear is an exact truncation to 20 mantissa bits, and `ldexp` an exact multiply by
 * a power of two, rounded once where the result is subnormal, as stdlib rounds it. The result
 * is the same double for every input (`test/numeric/erfc.test.ts` checks it against stdlib over
 * every branch, the underflow edge of exp and random bit patterns), so no fit moves.
 */

// FreeBSD's constants, each written as the shortest literal of the same double
const TINY = 1.0e-300;
const SMALL = 1.3877787807814457e-17; // 2^-56
const ERX = 0.8450629115104675;
const PPC = 0.12837916709551256;
const PAC = -0.0023621185607526594;
const RAC = -0.009864944034847148;
const RBC = -0.0098649429247001;

const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const LOG2_E = Math.LOG2E;
const EXP_OVERFLOW = 709.782712893384;
const EXP_UNDERFLOW = -745.1332191019411;
const EXP_NEARZERO = 1.0 / (1 << 28);

/** 2^k at index k + 1023, for k = -1023..1023 (each exact: doubling and halving are). */
const POW2 = new Float64Array(2047);
for (let k = 0, p = 1; k <= 1023; k++, p *= 2) POW2[1023 + k] = p;
for (let k = 0, p = 1; k <= 1023; k++, p /= 2) POW2[1023 - k] = p;
const MIN_NORMAL = 2.2250738585072014e-308;
const TWO_M512 = 2 ** -512;
/** 2^-1074 * 2^512: below it, a value scaled by 2^512 has a result exponent under -1074. */
const SCALED_MIN_SUBNORMAL = 2 ** -562;

/** y * 2^k for y in [0.5, 2), rounded as stdlib's `ldexp` rounds it: exact in the normal
 *  range; a subnormal result rounded once (nearest, ties to even); 0 once the result's
 *  exponent falls below -1074 (stdlib returns 0 there rather than rounding up to 2^-1074). */
function scaleByPowerOfTwo(y: number, k: number): number {
  if (k === 0) return y;
  if (k > 1023) return y * POW2[2046] * POW2[k];
  if (k >= -1022) {
    const r = y * POW2[1023 + k];
    if (r >= MIN_NORMAL || r <= -MIN_NORMAL) return r;
  }
  const scaled = y * POW2[1023 + k + 512]; // exact: a normal number
  if (scaled < SCALED_MIN_SUBNORMAL && scaled > -SCALED_MIN_SUBNORMAL) return 0;
  return scaled * TWO_M512;
}

/** e^x as stdlib's `exp` computes it (FreeBSD e_exp.c: reduction by k ln 2, a rational
 *  approximation on the remainder, then ldexp). */
function expStdlib(x: number): number {
  if (Number.isNaN(x) || x === Number.POSITIVE_INFINITY) return x;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  if (x > EXP_OVERFLOW) return Number.POSITIVE_INFINITY;
  if (x < EXP_UNDERFLOW) return 0;
  if (x > -EXP_NEARZERO && x < EXP_NEARZERO) return 1.0 + x;
  const k = x < 0.0 ? Math.ceil(LOG2_E * x - 0.5) : Math.floor(LOG2_E * x + 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const p =
    t === 0.0
      ? 0.16666666666666602
      : 0.16666666666666602 +
        t * (-0.0027777777777015593 + t * (0.00006613756321437934 + t * (-0.0000016533902205465252 + t * 4.1381367970572385e-8)));
  const c = r - t * p;
  const y = 1.0 - (lo - (r * c) / (2.0 - c) - hi);
  return scaleByPowerOfTwo(y, k);
}

/** erfc on |x| < 0.84375 (x itself, sign included): 1 - (x + x P(x^2) / Q(x^2)). */
function erfcCentral(x: number, ax: number): number {
  if (ax < SMALL) return 1.0 - x;
  const z = x * x;
  const r =
    PPC +
    z *
      (z === 0.0
        ? -0.3250421072470015
        : -0.3250421072470015 + z * (-0.02848174957559851 + z * (-0.005770270296489442 + z * -0.000023763016656650163)));
  const s =
    1.0 +
    z *
      (z === 0.0
        ? 0.39791722395915535
        : 0.39791722395915535 +
          z * (0.0650222499887673 + z * (0.005081306281875766 + z * (0.00013249473800432164 + z * -0.000003960228278775368))));
  const y = r / s;
  if (x < 0.25) return 1.0 - (x + x * y);
  let rr = x * y;
  rr += x - 0.5;
  return 0.5 - rr;
}

/** erfc on 0.84375 <= |x| < 1.25: 1 -+ (erx + P(|x| - 1) / Q(|x| - 1)). */
function erfcNearOne(ax: number, negative: boolean): number {
  const s = ax - 1.0;
  const p =
    PAC +
    s *
      (s === 0.0
        ? 0.41485611868374833
        : 0.41485611868374833 +
          s *
            (-0.3722078760357013 +
              s * (0.31834661990116175 + s * (-0.11089469428239668 + s * (0.035478304325618236 + s * -0.002166375594868791)))));
  const q =
    1.0 +
    s *
      (s === 0.0
        ? 0.10642088040084423
        : 0.10642088040084423 +
          s *
            (0.540397917702171 +
              s * (0.07182865441419627 + s * (0.12617121980876164 + s * (0.01363708391202905 + s * 0.011984499846799107)))));
  if (negative) return 1.0 + ERX + p / q;
  return 1.0 - ERX - p / q;
}

/** erfc on 1.25 <= |x| < 28: exp(-z^2 - 0.5625) exp((z - |x|)(z + |x|) + R / S) / |x|, with z
 *  |x| truncated to 20 mantissa bits (FreeBSD's split: x^2 = z^2 - (z - |x|)(z + |x|) exactly,
 *  so the rounding of x^2 stays out of the exponent). */
function erfcTail(x: number, ax: number, negative: boolean): number {
  let s = 1.0 / (ax * ax);
  let r: number;
  if (ax < 2.857142857142857) {
    r =
      RAC +
      s *
        (s === 0.0
          ? -0.6938585727071818
          : -0.6938585727071818 +
            s *
              (-10.558626225323291 +
                s *
                  (-62.375332450326006 +
                    s * (-162.39666946257347 + s * (-184.60509290671104 + s * (-81.2874355063066 + s * -9.814329344169145))))));
    s =
      1.0 +
      s *
        (s === 0.0
          ? 19.651271667439257
          : 19.651271667439257 +
            s *
              (137.65775414351904 +
                s *
                  (434.56587747522923 +
                    s *
                      (645.3872717332679 +
                        s * (429.00814002756783 + s * (108.63500554177944 + s * (6.570249770319282 + s * -0.0604244152148581)))))));
  } else {
    if (x < -6.0) return 2.0 - TINY;
    r =
      RBC +
      s *
        (s === 0.0
          ? -0.799283237680523
          : -0.799283237680523 +
            s *
              (-17.757954917754752 +
                s * (-160.63638485582192 + s * (-637.5664433683896 + s * (-1025.0951316110772 + s * -483.5191916086514)))));
    s =
      1.0 +
      s *
        (s === 0.0
          ? 30.33806074348246
          : 30.33806074348246 +
            s *
              (325.7925129965739 +
                s *
                  (1536.729586084437 +
                    s * (3199.8582195085955 + s * (2553.0504064331644 + s * (474.52854120695537 + s * -22.44095244658582))))));
  }
  // stdlib's setLowWord(ax, 0): ax in [1.25, 28) is 2^e (1 + f) with e in 0..4; clearing the
  // low 32 bits keeps 20 bits of f, i.e. truncates ax to a multiple of 2^(e - 20), exactly.
  const e = ax < 2 ? 0 : ax < 4 ? 1 : ax < 8 ? 2 : ax < 16 ? 3 : 4;
  const unit = POW2[1023 + 20 - e];
  const z = Math.floor(ax * unit) / unit;
  const rr = expStdlib(-(z * z) - 0.5625) * expStdlib((z - ax) * (z + ax) + r / s);
  if (negative) return 2.0 - rr / ax;
  return rr / ax;
}

/** erfc(x) = 1 - erf(x), the same double as `@stdlib/math-base-special-erfc` for every x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return 0.0;
  if (x === Number.NEGATIVE_INFINITY) return 2.0;
  if (x === 0.0) return 1.0;
  const negative = x < 0.0;
  const ax = negative ? -x : x;
  if (ax < 0.84375) return erfcCentral(x, ax);
  if (ax < 1.25) return erfcNearOne(ax, negative);
  if (ax < 28.0) return erfcTail(x, ax, negative);
  if (negative) return 2.0 - TINY;
  return TINY * TINY;
}
