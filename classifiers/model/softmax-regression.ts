import type { SparseVector } from "../embedders/text-features.ts";

export interface SoftmaxRegressionOptions {
  /** AdaGrad base step. */
  learningRate: number;
  /** L2 penalty, applied to the weights an example touches (lazy, sparse-friendly). */
  l2: number;
}

/**
 * Multinomial logistic regression over sparse hashed features, trained by
 * AdaGrad. AdaGrad suits hashed text: rare n-grams keep large steps, frequent
 * ones settle, and no learning-rate schedule is needed. Weights are laid out
 * feature-major (w[f * K + k]) so one example touches contiguous memory.
 */
export class SoftmaxRegression {
  readonly weights: Float32Array;
  readonly bias: Float64Array;
  private readonly gradSq: Float32Array;
  private readonly biasGradSq: Float64Array;

  constructor(
    readonly dims: number,
    readonly classes: number,
    private readonly opts: SoftmaxRegressionOptions,
  ) {
    this.weights = new Float32Array(dims * classes);
    this.gradSq = new Float32Array(dims * classes);
    this.bias = new Float64Array(classes);
    this.biasGradSq = new Float64Array(classes);
  }

  /** Class probabilities for one example. */
  probabilities(x: SparseVector, out = new Float64Array(this.classes)): Float64Array {
    const K = this.classes;
    out.set(this.bias);
    for (let n = 0; n < x.idx.length; n++) {
      const base = x.idx[n] * K;
      const v = x.val[n];
      for (let k = 0; k < K; k++) out[k] += this.weights[base + k] * v;
    }
    let max = -Infinity;
    for (let k = 0; k < K; k++) if (out[k] > max) max = out[k];
    let sum = 0;
    for (let k = 0; k < K; k++) {
      out[k] = Math.exp(out[k] - max);
      sum += out[k];
    }
    for (let k = 0; k < K; k++) out[k] /= sum;
    return out;
  }

  /**
   * One AdaGrad step on the cross-entropy of (x, label), scaled by `weight`
   * (class balancing) and `boost` (larger steps for clerk corrections).
   * Returns the loss before the step.
   */
  step(x: SparseVector, label: number, weight = 1, boost = 1): number {
    const K = this.classes;
    const p = this.probabilities(x);
    const loss = -Math.log(Math.max(p[label], 1e-12));
    const lr = this.opts.learningRate * boost;
    const eps = 1e-8;
    for (let k = 0; k < K; k++) {
      const g = (p[k] - (k === label ? 1 : 0)) * weight;
      this.biasGradSq[k] += g * g;
      this.bias[k] -= (lr * g) / (Math.sqrt(this.biasGradSq[k]) + eps);
    }
    for (let n = 0; n < x.idx.length; n++) {
      const base = x.idx[n] * K;
      const v = x.val[n];
      for (let k = 0; k < K; k++) {
        const i = base + k;
        const g = (p[k] - (k === label ? 1 : 0)) * weight * v + this.opts.l2 * this.weights[i];
        if (g === 0) continue;
        this.gradSq[i] += g * g;
        this.weights[i] -= (lr * g) / (Math.sqrt(this.gradSq[i]) + eps);
      }
    }
    return loss;
  }

  /**
   * Add another model's weights (same dims) to this one's; with scaleWeights
   * this averages training runs. The AdaGrad state stays this model's: online
   * learning continues from it with its step sizes.
   */
  addWeights(other: SoftmaxRegression): void {
    for (let i = 0; i < this.weights.length; i++) this.weights[i] += other.weights[i];
    for (let k = 0; k < this.classes; k++) this.bias[k] += other.bias[k];
  }

  scaleWeights(factor: number): void {
    if (factor === 1) return;
    for (let i = 0; i < this.weights.length; i++) this.weights[i] *= factor;
    for (let k = 0; k < this.classes; k++) this.bias[k] *= factor;
  }
}
