import type { RunKind } from '../domain/run'

/**
 * What kind of work a Slurm job was, read from its job name: sacct says nothing else about it, and most cluster jobs
 * are not training (evaluation, preprocessing, simulation). A name that says nothing gives 'other', never a guess of
 * 'training'; the user can change the kind on the run. Fine-tuning and sweeps are tested before training, whose word
 * they often contain ("finetune-train", "sweep-train").
 */
const RULES: [RegExp, RunKind][] = [
  [/(fine[-_ ]?tun|(^|[^a-z])(ft|sft|lora|qlora|dpo|rlhf)([^a-z]|$))/i, 'fine-tuning'],
  [/(sweep|hpo|hyperparam|optuna|(^|[^a-z])tune([^a-z]|$)|grid[-_]?search|lr=)/i, 'hyperparameter-search'],
  [/(train|pretrain)/i, 'training'],
  [/(infer|eval|predict|serve|serving|generat|bench|test([^a-z]|$))/i, 'inference']
]

export function slurmJobKind(jobName: string): RunKind {
  for (const [pattern, kind] of RULES) if (pattern.test(jobName)) return kind
  return 'other'
}
