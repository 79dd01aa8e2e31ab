import type { HardwareEntry } from '../refdata/schema'

/**
 * What a device is for, so that a swap keeps the job where it is: a laptop GPU is compared with laptop GPUs, a
 * desktop or workstation card with such cards, an inference part with inference parts, a training accelerator
 * with training accelerators. The catalogue has no such field; the names say it (vendors' product lines).
 */
export type FormFactor = 'laptop' | 'edge' | 'desktop' | 'data-centre'
export type DeviceUse = 'inference' | 'training'

export interface DeviceSegment {
  formFactor: FormFactor
  use: DeviceUse
}

const LAPTOP = /\b(laptop|mobile|notebook|max-q)\b/
const EDGE = /\b(jetson|xavier|orin)\b/
const DESKTOP = /\b(geforce|gtx|rtx|titan|quadro|radeon|rx\s?\d+)\b/
/** NVIDIA's data-centre inference line (T4, L4, A2, A10/A10G, Tesla P4/P40) and AWS Inferentia. */
const INFERENCE = /\b(t4|l4|a2|a10g?|p4|p40|inferentia\d?)\b/

export function segmentOf(name: string, kind: HardwareEntry['kind']): DeviceSegment {
  const n = name.toLowerCase()
  const formFactor: FormFactor = LAPTOP.test(n)
    ? 'laptop'
    : EDGE.test(n)
      ? 'edge'
      : kind !== 'tpu' && DESKTOP.test(n)
        ? 'desktop'
        : 'data-centre'
  const use: DeviceUse = formFactor === 'data-centre' && INFERENCE.test(n) ? 'inference' : 'training'
  return { formFactor, use }
}

export const sameSegment = (a: DeviceSegment, b: DeviceSegment): boolean =>
  a.formFactor === b.formFactor && a.use === b.use
