/**
 * Regenerates data/ from the upstream copies in ../shared/reference-data (or --from <dir>; --out <dir> writes
 * elsewhere, for the reproducibility test). Same input, byte-identical output: entries and keys sorted, no clock.
 * Every table is validated with shared/refdata/schema.ts before it is written.
 *
 *   npx tsx scripts/build-data.ts [--from ../shared/reference-data] [--out data]
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { parseCsv as parseCsvRows } from '../shared/import/csv'
import { hardwareKey, normaliseHardwareName } from '../shared/refdata/hardware'
import { normaliseProvider } from '../shared/refdata/locations'
import {
  type DataManifest,
  dataManifestSchema,
  type HardwareEntry,
  hardwareEntrySchema,
  type HourlyProfile,
  type LocationEntry,
  locationEntrySchema,
  type MethodDefaults,
  methodDefaultsSchema,
  type YearlyIntensity
} from '../shared/refdata/schema'
import { foldText } from '../shared/refdata/text'
import { buildHourlyData, type HourlyBuild } from './build-hourly'

/** The release part of dataVersion; the build appends a hash of the tables' content. Bump it with each data release. */
const DATA_RELEASE = '2026.11.1'

// ISO 3166-1 alpha-2 + alpha-3 pairs (the code lists are facts; OWID gives alpha-3 only, Electricity Maps alpha-2).
const ISO_PAIRS = `
ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA AZAZE BABIH BBBRB BDBGD
BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES BRBRA BSBHS BTBTN BVBVT BWBWA BYBLR BZBLZ CACAN
CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK CLCHL CMCMR CNCHN COCOL CRCRI CUCUB CVCPV CWCUW CXCXR CYCYP CZCZE DEDEU
DJDJI DKDNK DMDMA DODOM DZDZA ECECU EEEST EGEGY EHESH ERERI ESESP ETETH FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA GAGAB
GBGBR GDGRD GEGEO GFGUF GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GSSGS GTGTM GUGUM GWGNB GYGUY HKHKG
HMHMD HNHND HRHRV HTHTI HUHUN IDIDN IEIRL ILISR IMIMN ININD IOIOT IQIRQ IRIRN ISISL ITITA JEJEY JMJAM JOJOR JPJPN
KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO LBLBN LCLCA LILIE LKLKA LRLBR LSLSO LTLTU
LULUX LVLVA LYLBY MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ MRMRT MSMSR
MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM NCNCL NENER NFNFK NGNGA NINIC NLNLD NONOR NPNPL NRNRU NUNIU NZNZL
OMOMN PAPAN PEPER PFPYF PGPNG PHPHL PKPAK PLPOL PMSPM PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT REREU ROROU RSSRB
RURUS RWRWA SASAU SBSLB SCSYC SDSDN SESWE SGSGP SHSHN SISVN SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD STSTP
SVSLV SXSXM SYSYR SZSWZ TCTCA TDTCD TFATF TGTGO THTHA TJTJK TKTKL TLTLS TMTKM TNTUN TOTON TRTUR TTTTO TVTUV TWTWN
TZTZA UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR VNVNM VUVUT WFWLF WSWSM YEYEM YTMYT ZAZAF
ZMZMB ZWZWE
`

interface Upstream {
  repository: string
  commit: string
  path: string
}

const UPSTREAM = {
  mlco2: { repository: 'mlco2/impact', commit: 'd0d3ee5a', path: 'data/' },
  greenAlgorithms: { repository: 'GreenAlgorithms/green-algorithms-tool', commit: '30df2fee', path: 'data/latest/' },
  codecarbon: { repository: 'mlco2/codecarbon', commit: 'b05965e4', path: 'codecarbon/data/' },
  owid: { repository: 'ourworldindata.org/grapher/carbon-intensity-electricity', commit: 'unversioned', path: '' },
  emYearly: { repository: 'thegreenwebfoundation/co2.js', commit: '27cbe832', path: 'data/output/electricity-maps/' },
  ccf: { repository: 'cloud-carbon-footprint/cloud-carbon-coefficients', commit: 'dda7621f', path: '' }
} satisfies Record<string, Upstream>

type SourceEntry = DataManifest['sources'][number]

const VENDOR_DATASHEETS = 'vendor-datasheets'

const SOURCES: SourceEntry[] = [
  {
    id: 'mlco2',
    title: 'Machine Learning Emissions Calculator data (mlco2/impact)',
    licence: 'MIT',
    url: 'https://github.com/mlco2/impact',
    version: 'd0d3ee5a',
    attribution:
      'Machine Learning Emissions Calculator (mlco2/impact), Lacoste, Luccioni, Schmidt and Dandres 2019, "Quantifying the Carbon Emissions of Machine Learning". MIT licence.'
  },
  {
    id: 'green-algorithms',
    title: 'Green Algorithms reference data',
    licence: 'CC BY 4.0',
    url: 'https://github.com/GreenAlgorithms/green-algorithms-tool',
    version: 'v3.0 (30df2fee)',
    attribution: 'Green Algorithms, Lannelongue et al. 2021. CC BY 4.0.'
  },
  {
    id: 'codecarbon',
    title: 'CodeCarbon reference data',
    licence: 'MIT',
    url: 'https://github.com/mlco2/codecarbon',
    version: '3.3.0 (b05965e4)',
    attribution: 'CodeCarbon (mlco2/codecarbon) 3.3.0. MIT licence.'
  },
  {
    id: 'owid-ember',
    title: 'Carbon intensity of electricity generation (Our World in Data)',
    licence: 'CC BY 4.0',
    url: 'https://ourworldindata.org/grapher/carbon-intensity-electricity',
    version: '2025',
    attribution:
      'Ember (2025); Energy Institute – Statistical Review of World Energy (2025) – with major processing by Our World in Data. CC BY 4.0.'
  },
  {
    id: 'electricity-maps-yearly',
    title: 'Electricity Maps yearly zone averages 2024–2025 (via co2.js)',
    licence: 'ODbL 1.0',
    url: 'https://github.com/thegreenwebfoundation/co2.js',
    version: '27cbe832',
    attribution: 'Electricity Maps. Open Database License (ODbL) 1.0; a database derived from it stays under the ODbL.'
  },
  {
    id: 'electricity-maps-hourly',
    title: 'Electricity Maps hourly carbon intensity 2021–2024, 40 zones (data-portal exports via public repositories)',
    licence: 'ODbL 1.0',
    url: 'https://portal.electricitymaps.com/datasets',
    version: 'exports of 2023–2025, per file under "Hourly profiles"',
    attribution: 'Electricity Maps. Open Database License (ODbL) 1.0; a database derived from it stays under the ODbL.'
  },
  {
    id: 'electricity-maps-export',
    title: 'Electricity Maps data portal export imported by the user',
    licence: 'ODbL 1.0',
    url: 'https://portal.electricitymaps.com',
    attribution: 'Electricity Maps. Open Database License (ODbL) 1.0.'
  },
  {
    id: 'ccf',
    title: 'Cloud Carbon Footprint coefficients',
    licence: 'Apache-2.0',
    url: 'https://github.com/cloud-carbon-footprint/cloud-carbon-coefficients',
    version: 'dda7621f',
    attribution: 'Cloud Carbon Footprint (cloud-carbon-coefficients), Apache License 2.0.'
  },
  {
    id: 'vendor-datasheets',
    title: 'Vendor datasheets and whitepapers (NVIDIA, AMD, Google Cloud TPU, Intel ARK)',
    attribution:
      "Peak FLOPS and power figures from the vendors' published datasheets, whitepapers and product documentation, each named in data/SOURCES.md. Facts, cited for traceability."
  },
  {
    id: 'carbon-ledger',
    title: 'Carbon Ledger method assumptions',
    licence: 'MIT',
    attribution: 'Carbon Ledger: an assumption of the method, stated where it is used.'
  }
]

// ---------------------------------------------------------------------------------------------------------------
// Reading

const notes: string[] = []
function note(message: string): void {
  notes.push(message)
  console.log(`note: ${message}`)
}

function fail(message: string): never {
  throw new Error(message)
}

class Upstreams {
  readonly used: Upstream[] = []
  constructor(readonly root: string) {}

  read(upstream: Upstream, folder: string, file: string): string {
    this.used.push({ repository: upstream.repository, commit: upstream.commit, path: `${upstream.path}${file}` })
    return readFileSync(join(this.root, folder, file), 'utf8')
  }

  list(folder: string): string[] {
    return readdirSync(join(this.root, folder)).sort()
  }
}

/** CSV rows as records keyed by header; `headerLine` is 1 for Green Algorithms (its line 0 holds units). */
const parseCsv = (text: string): string[][] => parseCsvRows(text).map((r) => r.cells)

function readTable(text: string, file: string, headerLine = 0): { rows: Record<string, string>[]; header: string[] } {
  const all = parseCsv(text)
  const header = (all[headerLine] ?? fail(`${file}: no header`)).map((h) => h.trim())
  const rows = all.slice(headerLine + 1).map((cells, i) => {
    if (cells.length < header.length)
      note(`${file} row ${i + headerLine + 2}: ${cells.length} fields for ${header.length} columns (ragged)`)
    return Object.fromEntries(header.map((h, c) => [h, (cells[c] ?? '').trim()]))
  })
  return { rows, header }
}

/** Upstream numbers: '', NaN, Nan, unk and the like are absent. */
function num(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text.trim())
  return text.trim() === '' || !Number.isFinite(value) ? undefined : value
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

// ---------------------------------------------------------------------------------------------------------------
// Hardware

/** nvidia-smi and CodeCarbon spellings of catalogue devices that their names alone do not match. */
const CURATED_ALIASES: Record<string, string[]> = {
  'H100 SXM': ['NVIDIA H100 80GB HBM3', 'H100 SXM5', 'H100 SXM5 80GB', 'H100-SXM5-80GB'],
  'H100 NVL': ['H100 NVL 94GB'],
  'A100 PCIe 40/80GB': ['A100-PCIE-40GB', 'A100 40GB PCIe'],
  'A100 SXM4 80 GB': ['A100-SXM4-80GB', 'A100-SXM4-40GB', 'A100 SXM4 40GB', 'A100-SXM-80GB', 'A100 80GB SXM'],
  'Tesla V100-PCIE-16GB': ['V100 PCIe 16GB'],
  'Tesla V100-SXM2-16GB': ['V100 SXM2 16GB'],
  'Tesla V100-SXM2-32GB': ['V100 SXM2 32GB', 'V100-SXM2-32GB-LS'],
  'Tesla P100': ['Tesla P100 PCIe', 'Tesla P100-PCIE-16GB', 'Tesla P100-PCIE-12GB'],
  'RTX 8000': ['Quadro RTX 8000'],
  'TITAN X Pascal': ['TITAN X (Pascal)'],
  'AGX Xavier': ['Jetson AGX Xavier'],
  'TPUv2 Chip': ['TPU v2', 'TPUv2'],
  'TPUv3 Chip': ['TPU v3', 'TPUv3']
}

const TFLOPS_PER_W_MAX = 4

/**
 * The catalogue's one FLOPS basis, which rankings by FLOPS and FLOPS/W rely on:
 * - fp32Tflops: FP32 peak of the ordinary (non-tensor) cores; none for TPUs, which publish no FP32 peak.
 * - fp16Tflops: dense (no sparsity) FP16/BF16 tensor-core or matrix-unit peak where the device has them, at FP32
 *   accumulate (what mixed-precision training uses; GeForce cards run it at half their FP16-accumulate rate); else
 *   the plain FP16 peak of its ordinary cores.
 * Upstream rows on another basis are corrected below from the vendor's datasheet, or the figure is dropped.
 */
const FLOPS_BASIS =
  'fp32Tflops: FP32 peak of the ordinary (non-tensor) cores. fp16Tflops: dense (no sparsity) FP16/BF16 tensor-core or matrix-unit peak, at FP32 accumulate, where the device has tensor cores; else the plain FP16 peak.'

type Corrected = 'fp32Tflops' | 'fp16Tflops' | 'memoryGB'

interface HardwareCorrection {
  id: string
  /** A number replaces the figure; null drops it (left undefined rather than kept on another basis). */
  set: Partial<Record<Corrected, number | null>> & { tdpW?: number }
  reason: string
  /** The vendor document the corrected figures come from. */
  source: string
}

const H100_DATASHEET = 'NVIDIA H100 Tensor Core GPU datasheet'
const A100_DATASHEET = 'NVIDIA A100 Tensor Core GPU datasheet'
const V100_DATASHEET = 'NVIDIA V100 Tensor Core GPU datasheet'
const GA102_WHITEPAPER = 'NVIDIA Ampere GA102 GPU architecture whitepaper'
const TURING_WHITEPAPER = 'NVIDIA Turing GPU architecture whitepaper'
const PASCAL_FP16 =
  'Pascal GP102/GP104 run FP16 arithmetic at 1/64 of the FP32 rate: no figure describes an fp16 workload on them; compare them at fp32'

/**
 * Current accelerators none of the upstream tables lists, from their vendor's datasheet (issue 11): TDP as the
 * datasheet's maximum (configurable parts at their top setting), FLOPS on the catalogue's one basis (FLOPS_BASIS).
 */
interface VendorDevice {
  kind: HardwareEntry['kind']
  name: string
  tdpW: number
  fp32Tflops: number
  fp16Tflops: number
  memoryGB: number
  aliases: string[]
  /** The vendor document and the figures read from it. */
  source: string
}

const VENDOR_DEVICES: VendorDevice[] = [
  {
    kind: 'gpu',
    name: 'NVIDIA H100 PCIe',
    tdpW: 350,
    fp32Tflops: 51,
    fp16Tflops: 756.5,
    memoryGB: 80,
    aliases: ['H100 PCIe', 'H100 PCIe 80GB', 'NVIDIA H100 PCIe 80GB', 'H100-PCIE-80GB'],
    source: `${H100_DATASHEET} (PCIe): max TDP 300–350 W configurable → 350; FP32 51 TFLOPS; FP16 tensor 1,513 TFLOPS with sparsity → 756.5 dense; 80 GB`
  },
  {
    kind: 'gpu',
    name: 'NVIDIA H200',
    tdpW: 700,
    fp32Tflops: 67,
    fp16Tflops: 989.5,
    memoryGB: 141,
    aliases: ['H200', 'H200 SXM', 'NVIDIA H200 SXM', 'NVIDIA H200 141GB HBM3e'],
    source:
      'NVIDIA H200 Tensor Core GPU datasheet (SXM): max TDP up to 700 W; FP32 67 TFLOPS; FP16 tensor 1,979 TFLOPS with sparsity → 989.5 dense; 141 GB'
  },
  {
    kind: 'gpu',
    name: 'NVIDIA GH200 Grace Hopper Superchip',
    tdpW: 1000,
    fp32Tflops: 67,
    fp16Tflops: 989.5,
    memoryGB: 96,
    aliases: ['GH200', 'NVIDIA GH200', 'GH200 480GB', 'NVIDIA GH200 480GB'],
    source:
      'NVIDIA GH200 Grace Hopper Superchip datasheet: module power 450–1,000 W configurable (CPU, GPU and memory) → 1,000; GPU FP32 67 TFLOPS; FP16 tensor 1,979 TFLOPS with sparsity → 989.5 dense; 96 GB HBM3'
  },
  {
    kind: 'gpu',
    name: 'NVIDIA B200',
    tdpW: 1000,
    fp32Tflops: 75,
    fp16Tflops: 2250,
    memoryGB: 180,
    aliases: ['B200', 'B200 SXM', 'NVIDIA B200 SXM', 'NVIDIA B200 180GB'],
    source:
      'NVIDIA HGX B200 datasheet, per GPU (8 per board): 1,000 W; FP32 600 TFLOPS / 8 = 75; FP16/BF16 tensor 36 PFLOPS with sparsity / 8 → 2,250 dense; 1,440 GB / 8 = 180 GB'
  },
  {
    kind: 'gpu',
    name: 'AMD Instinct MI300X',
    tdpW: 750,
    fp32Tflops: 163.4,
    fp16Tflops: 1307.4,
    memoryGB: 192,
    aliases: ['MI300X', 'AMD MI300X', 'Instinct MI300X', 'AMD Instinct MI300X OAM'],
    source:
      'AMD Instinct MI300X accelerator datasheet: total board power 750 W; FP32 vector 163.4 TFLOPS; FP16 matrix 1,307.4 TFLOPS dense (2,614.9 with sparsity); 192 GB HBM3'
  }
]

const HARDWARE_CORRECTIONS: HardwareCorrection[] = [
  {
    id: 'gpu:nvidia-h100-sxm',
    set: { fp32Tflops: 67, fp16Tflops: 989.5 },
    reason: "mlco2's 989 / 1979 are NVIDIA's TF32 and FP16 tensor figures with sparsity",
    source: `${H100_DATASHEET}: FP32 67 TFLOPS (SXM); FP16 tensor 1,979 TFLOPS with sparsity → 989.5 dense`
  },
  {
    id: 'gpu:nvidia-h100-nvl',
    set: { fp32Tflops: 60, fp16Tflops: 835.5 },
    reason:
      "mlco2's 835 / 1671 are NVIDIA's TF32 and FP16 tensor figures with sparsity (1671 was already dropped as over 4 TFLOPS/W)",
    source: `${H100_DATASHEET}: FP32 60 TFLOPS (NVL); FP16 tensor 1,671 TFLOPS with sparsity → 835.5 dense`
  },
  {
    id: 'gpu:nvidia-a100-pcie-40-80gb',
    set: { fp32Tflops: 19.5 },
    reason: 'mlco2 gives no FP32 figure; its 312 FP16 is already the dense tensor figure',
    source: `${A100_DATASHEET}: FP32 19.5 TFLOPS; FP16 tensor 312 TFLOPS dense (624 with sparsity)`
  },
  {
    id: 'gpu:nvidia-a100-sxm4-80-gb',
    set: { fp32Tflops: 19.5 },
    reason: 'mlco2 gives no FP32 figure; its 312 FP16 is already the dense tensor figure',
    source: `${A100_DATASHEET}: FP32 19.5 TFLOPS; FP16 tensor 312 TFLOPS dense (624 with sparsity)`
  },
  {
    id: 'gpu:nvidia-a100-80gb-pcie',
    set: { fp32Tflops: 19.5, fp16Tflops: 312 },
    reason: 'Green Algorithms gives TDP only; the A100 80GB PCIe has the same peaks as the other A100s',
    source: `${A100_DATASHEET}: FP32 19.5 TFLOPS; FP16 tensor 312 TFLOPS dense (624 with sparsity)`
  },
  {
    id: 'gpu:nvidia-l4',
    set: { fp32Tflops: 30.3, fp16Tflops: 121 },
    reason: "mlco2's 31.33 FP16 is the non-tensor rate (and its FP32 a TechPowerUp boost-clock figure)",
    source: 'NVIDIA L4 Tensor Core GPU datasheet: FP32 30.3 TFLOPS; FP16 tensor 242 TFLOPS with sparsity → 121 dense'
  },
  {
    id: 'gpu:nvidia-l40s',
    set: { fp32Tflops: 91.6 },
    reason: "mlco2's 183 FP32 is the dense TF32 tensor figure; its 362.05 FP16 is already the dense tensor figure",
    source:
      'NVIDIA L40S GPU datasheet: FP32 91.6 TFLOPS; TF32 tensor 183 TFLOPS dense; FP16 tensor 362.05 TFLOPS dense (733 with sparsity)'
  },
  {
    id: 'gpu:nvidia-rtx-a6000',
    set: { fp16Tflops: 154.8 },
    reason: "mlco2's 38.71 FP16 is the non-tensor rate",
    source:
      'NVIDIA RTX A6000 datasheet: FP32 38.7 TFLOPS; tensor 309.7 TFLOPS with sparsity → 154.8 dense (GA102 whitepaper: FP16 tensor, FP32 accumulate 154.8 / 309.7)'
  },
  {
    id: 'gpu:nvidia-rtx-a5000',
    set: { fp16Tflops: 111.1 },
    reason: "mlco2's 27.80 FP16 is the non-tensor rate",
    source: 'NVIDIA RTX A5000 datasheet: FP32 27.8 TFLOPS; tensor 222.2 TFLOPS with sparsity → 111.1 dense'
  },
  {
    id: 'gpu:nvidia-rtx-3090',
    set: { fp16Tflops: 71 },
    reason: "mlco2's 35.58 FP16 is the non-tensor rate",
    source: `${GA102_WHITEPAPER}: RTX 3090 FP32 35.6 TFLOPS; FP16 tensor with FP32 accumulate 71 dense / 142 sparse`
  },
  {
    id: 'gpu:nvidia-rtx-3080',
    set: { fp16Tflops: 59.5 },
    reason: "mlco2's 29.77 FP16 is the non-tensor rate",
    source: `${GA102_WHITEPAPER}: RTX 3080 FP32 29.8 TFLOPS; FP16 tensor with FP32 accumulate 59.5 dense / 119 sparse`
  },
  {
    id: 'gpu:nvidia-rtx-3080-ti',
    set: { fp16Tflops: null },
    reason:
      "mlco2's 34.10 FP16 is the non-tensor rate, and no NVIDIA document at hand gives the 3080 Ti's tensor figure: dropped",
    source: `${GA102_WHITEPAPER} (covers the RTX 3080 and 3090 only)`
  },
  {
    id: 'gpu:nvidia-rtx-4090',
    set: { fp16Tflops: 165.2 },
    reason: "mlco2's 82.6 FP16 is the non-tensor rate",
    source:
      'NVIDIA Ada GPU architecture whitepaper: RTX 4090 FP32 82.6 TFLOPS; FP16 tensor with FP32 accumulate 165.2 dense / 330.4 sparse'
  },
  {
    id: 'gpu:nvidia-rtx-2080-ti',
    set: { fp16Tflops: 53.8 },
    reason: "mlco2's 26.9 FP16 is the non-tensor rate",
    source: `${TURING_WHITEPAPER}: RTX 2080 Ti (reference clocks) FP32 13.4 TFLOPS; FP16 tensor with FP32 accumulate 53.8`
  },
  {
    id: 'gpu:nvidia-rtx-2080',
    set: { fp16Tflops: 40.3 },
    reason: "mlco2's 20 FP16 is the non-tensor rate",
    source: `${TURING_WHITEPAPER}: RTX 2080 (reference clocks) FP32 10.1 TFLOPS; FP16 tensor with FP32 accumulate 40.3`
  },
  {
    id: 'gpu:nvidia-rtx-8000',
    set: { fp16Tflops: 130.5 },
    reason: "mlco2's 32.62 FP16 is the non-tensor rate",
    source: 'NVIDIA Quadro RTX 8000 datasheet: FP32 16.3 TFLOPS; tensor performance 130.5 TFLOPS'
  },
  {
    id: 'gpu:nvidia-titan-rtx',
    set: { fp16Tflops: 130 },
    reason: "mlco2's 32.63 FP16 is the non-tensor rate",
    source: 'NVIDIA TITAN RTX specifications: 130 TFLOPS tensor (deep learning) performance'
  },
  {
    id: 'gpu:nvidia-titan-v',
    set: { fp16Tflops: 110 },
    reason: "mlco2's 29.8 FP16 is the non-tensor rate",
    source: 'NVIDIA TITAN V specifications: 110 TFLOPS tensor (deep learning) performance'
  },
  {
    id: 'gpu:nvidia-tesla-v100-pcie-16gb',
    set: { fp32Tflops: 14, fp16Tflops: 112, tdpW: 250 },
    reason: "mlco2's 28.26 FP16 is the non-tensor rate, and its 300 W is the SXM2 module's power, not the PCIe card's",
    source: `${V100_DATASHEET}: V100 PCIe FP32 14 TFLOPS, tensor 112 TFLOPS, max power 250 W`
  },
  {
    id: 'gpu:nvidia-tesla-v100-sxm2-16gb',
    set: { fp32Tflops: 15.7, fp16Tflops: 125, tdpW: 300 },
    reason: "mlco2's 32.71 FP16 is the non-tensor rate, and its 250 W is the PCIe card's power, not the SXM2 module's",
    source: `${V100_DATASHEET}: V100 SXM2 FP32 15.7 TFLOPS, tensor 125 TFLOPS, max power 300 W`
  },
  {
    id: 'gpu:nvidia-tesla-v100-sxm2-32gb',
    set: { fp32Tflops: 15.7, fp16Tflops: 125 },
    reason: "mlco2's 30 FP16 is the non-tensor rate",
    source: `${V100_DATASHEET}: V100 SXM2 FP32 15.7 TFLOPS, tensor 125 TFLOPS, max power 300 W`
  },
  {
    id: 'gpu:nvidia-tesla-v100s',
    set: { fp32Tflops: 16.4, fp16Tflops: 130 },
    reason: 'Green Algorithms gives TDP only',
    source: `${V100_DATASHEET}: V100S PCIe FP32 16.4 TFLOPS, tensor 130 TFLOPS, max power 250 W`
  },
  {
    id: 'gpu:nvidia-agx-xavier',
    set: { fp32Tflops: null, fp16Tflops: null },
    reason:
      "mlco2's 16 / 32 are the module's TOPS (32 is its INT8 TOPS, GPU and deep-learning accelerators together), not GPU TFLOPS; no vendor FP32 or FP16 TFLOPS of the GPU alone was found: dropped",
    source: 'NVIDIA Jetson AGX Xavier module specifications: 32 TOPS (INT8)'
  },
  {
    id: 'gpu:nvidia-gtx-1080',
    set: { fp16Tflops: null },
    reason: PASCAL_FP16,
    source: 'NVIDIA Pascal GP104 (GeForce GTX 1080) specifications'
  },
  {
    id: 'gpu:nvidia-gtx-1080-ti',
    set: { fp16Tflops: null },
    reason: PASCAL_FP16,
    source: 'NVIDIA Pascal GP102 (GeForce GTX 1080 Ti) specifications'
  },
  {
    id: 'gpu:nvidia-titan-x-pascal',
    set: { fp16Tflops: null },
    reason: PASCAL_FP16,
    source: 'NVIDIA Pascal GP102 (TITAN X) specifications'
  },
  {
    id: 'gpu:nvidia-titan-xp',
    set: { fp16Tflops: null },
    reason: PASCAL_FP16,
    source: 'NVIDIA Pascal GP102 (TITAN Xp) specifications'
  },
  {
    id: 'gpu:nvidia-quadro-p6000',
    set: { fp16Tflops: null },
    reason: `mlco2's 197.4 "TFLOPS" FP16 is TechPowerUp's 197.4 GFLOPS; ${PASCAL_FP16}`,
    source: 'NVIDIA Pascal GP102 (Quadro P6000) specifications'
  },
  {
    id: 'gpu:nvidia-gtx-750',
    set: { fp32Tflops: 1.111, tdpW: 55, memoryGB: null },
    reason:
      "mlco2's row is another card's: 1111 TFLOPS is 1,111 GFLOPS, 250 W and 24 GB are not a GTX 750's (1 or 2 GB by variant: memory dropped)",
    source:
      'NVIDIA GeForce GTX 750 specifications: 512 CUDA cores at 1085 MHz boost (512 × 2 × 1.085 GHz = 1.111 TFLOPS FP32), 55 W graphics card power'
  },
  {
    id: 'tpu:google-tpuv2-chip',
    set: { fp32Tflops: null },
    reason:
      "Google publishes no FP32 peak for TPUs (their matrix units compute bf16); mlco2's 22 is about half its bf16 figure: dropped",
    source: 'Google Cloud TPU v2 documentation: 45 TFLOPS (bf16) per chip'
  },
  {
    id: 'tpu:google-tpuv3-chip',
    set: { fp32Tflops: null, fp16Tflops: 123 },
    reason: "mlco2's 90 bf16 is not Google's per-chip figure; Google publishes no FP32 peak for TPUs: dropped",
    source: 'Google Cloud TPU v3 documentation: peak compute per chip 123 TFLOPS (bf16)'
  },
  {
    id: 'tpu:google-tpu-v4',
    set: { fp16Tflops: 275 },
    reason: 'Green Algorithms gives power only',
    source: 'Google Cloud TPU v4 documentation: peak compute per chip 275 TFLOPS (bf16)'
  },
  {
    id: 'cpu:intel-xeon-e5-2699',
    set: { fp32Tflops: null, fp16Tflops: null },
    reason:
      "mlco2's 0.7 / 0.7 matches neither the FP32 AVX2 peak (18 cores × 2.3 GHz × 32 = 1.32 TFLOPS) nor any FP16 rate (no FP16 arithmetic on Haswell): dropped",
    source: 'Intel ARK, Xeon E5-2699 v3: 18 cores, 2.30 GHz, AVX2'
  }
]

interface AppliedCorrection {
  id: string
  name: string
  changes: { field: Corrected | 'tdpW'; from: number | undefined; to: number | undefined }[]
  reason: string
  source: string
}

/** Applies HARDWARE_CORRECTIONS to the merged catalogue; a corrected entry cites 'vendor-datasheets' (first when its TDP is corrected). */
function correctHardware(entries: HardwareEntry[]): AppliedCorrection[] {
  const applied: AppliedCorrection[] = []
  const absent: string[] = []
  for (const correction of HARDWARE_CORRECTIONS) {
    const entry = entries.find((e) => e.id === correction.id)
    if (!entry) {
      absent.push(correction.id)
      continue
    }
    const changes: AppliedCorrection['changes'] = []
    for (const [field, value] of Object.entries(correction.set) as [Corrected | 'tdpW', number | null][]) {
      const from = entry[field]
      const to = value ?? undefined
      if (from === to) fail(`hardware correction ${correction.id}: ${field} is already ${from}; remove the correction`)
      if (to === undefined) delete entry[field as Corrected]
      else entry[field] = to
      changes.push({ field, from, to })
    }
    entry.sourceIds = entry.sourceIds.filter((id) => id !== VENDOR_DATASHEETS)
    if (correction.set.tdpW === undefined) entry.sourceIds.push(VENDOR_DATASHEETS)
    else entry.sourceIds.unshift(VENDOR_DATASHEETS)
    const list = changes.map((c) => `${c.field} ${c.from ?? 'none'} → ${c.to ?? 'dropped'}`).join(', ')
    note(`hardware ${correction.id}: ${list} (${correction.reason}; ${correction.source})`)
    applied.push({ id: entry.id, name: entry.name, changes, reason: correction.reason, source: correction.source })
  }
  if (absent.length > 0)
    note(`hardware corrections for devices not in the upstream files, unused: ${absent.join(', ')}`)
  return applied
}

function inferVendor(kind: HardwareEntry['kind'], name: string): string | undefined {
  const n = name.toLowerCase()
  if (kind !== 'cpu' && /^nvidia\b|geforce|\brtx\b|\bgtx\b|tesla|quadro|titan|jetson|xavier|^[ahl]\d|^t4$|^l40/.test(n))
    return 'NVIDIA'
  if (/^amd\b|radeon|^rx ?\d|epyc|ryzen|opteron|athlon|phenom|sempron|turion|threadripper|^fx[- ]|^a\d+-|^e\d-/.test(n))
    return 'AMD'
  if (/^intel\b|xeon|\bcore\b|pentium|celeron|\batom\b|itanium/.test(n)) return 'Intel'
  if (/^apple\b/.test(n)) return 'Apple'
  if (/\btpu/.test(n)) return 'Google'
  if (/raspberry|rasberry/.test(n)) return 'Raspberry Pi'
  return undefined
}

interface HardwareDraft extends Omit<HardwareEntry, 'id' | 'aliases'> {
  aliases: Set<string>
  /** The name the id is made from, when the shown name was corrected (RENAMED): stored runs cite the id. */
  idName?: string
}

/**
 * Upstream names that claim more than their figures are, shown corrected. ML CO2 Impact's "A100 PCIe 40/80GB" has
 * the 40 GB card's 250 W and 40 GB (NVIDIA's datasheets: the 80 GB PCIe card is 300 W), and Green Algorithms lists
 * "A100 80GB PCIe" at 300 W: the catalogue showed two A100 80GB PCIe. The 80 GB card is Green Algorithms' row; the
 * other is the 40 GB card, its id unchanged.
 */
const RENAMED: Record<string, string> = { 'A100 PCIe 40/80GB': 'A100 PCIe 40GB' }

class HardwareCatalogue {
  readonly drafts: HardwareDraft[] = []
  private readonly byKey = new Map<string, HardwareDraft>()
  conflicts = 0
  duplicates = 0

  private register(draft: HardwareDraft, spelling: string): void {
    const key = `${draft.kind}:${hardwareKey(spelling)}`
    if (!this.byKey.has(key)) this.byKey.set(key, draft)
  }

  find(kind: HardwareEntry['kind'], name: string): HardwareDraft | undefined {
    return this.byKey.get(`${kind}:${hardwareKey(name)}`)
  }

  /** Adds a device, or completes the entry it merges with (same key): the first source keeps its tdpW. */
  add(
    fields: Omit<HardwareDraft, 'aliases' | 'sourceIds' | 'vendor'> & { sourceId: string },
    file: string,
    aliases: readonly string[] = CURATED_ALIASES[fields.name] ?? []
  ): void {
    const { sourceId, ...device } = fields
    const existing = this.find(device.kind, device.name)
    if (existing) {
      if (existing.sourceIds.includes(sourceId)) {
        if (existing.tdpW !== device.tdpW)
          note(
            `${file}: "${device.name}" (${device.tdpW} W) repeats "${existing.name}" (${existing.tdpW} W): first kept`
          )
        this.duplicates++
        return
      }
      if (existing.tdpW !== device.tdpW) this.conflicts++
      existing.sourceIds.push(sourceId)
      existing.aliases.add(normaliseHardwareName(device.name))
      for (const field of ['tdpPerCoreW', 'cores', 'fp32Tflops', 'fp16Tflops', 'memoryGB', 'releaseYear'] as const) {
        if (existing[field] === undefined && device[field] !== undefined) existing[field] = device[field]
      }
      return
    }
    const vendor = inferVendor(device.kind, device.name)
    const startsWithVendor =
      vendor !== undefined && foldText(device.name).replace('rasberry', 'raspberry').startsWith(vendor.toLowerCase())
    const prefixed = (name: string) => (vendor && !startsWithVendor ? `${vendor} ${name}` : name)
    const renamed = RENAMED[device.name]
    const draft: HardwareDraft = {
      ...device,
      name: prefixed(renamed ?? device.name),
      ...(renamed ? { idName: prefixed(device.name) } : {}),
      ...(vendor ? { vendor } : {}),
      aliases: new Set([normaliseHardwareName(device.name)]),
      sourceIds: [sourceId]
    }
    for (const alias of aliases) draft.aliases.add(normaliseHardwareName(alias))
    this.drafts.push(draft)
    for (const spelling of [draft.name, ...draft.aliases]) this.register(draft, spelling)
  }

  entries(): HardwareEntry[] {
    const ids = new Set<string>()
    const entries = this.drafts.map((draft): HardwareEntry => {
      const base = `${draft.kind}:${normaliseHardwareName(draft.idName ?? draft.name).replace(/[^a-z0-9]+/g, '-')}`
      let id = base
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`
      ids.add(id)
      const nameKey = hardwareKey(draft.name)
      const aliasKeys = new Set<string>([nameKey])
      const aliases = [...draft.aliases].filter((alias) => {
        const key = hardwareKey(alias)
        if (aliasKeys.has(key)) return false
        aliasKeys.add(key)
        return true
      })
      const { aliases: _drafted, idName: _idName, ...fields } = draft
      return { ...fields, id, aliases: aliases.sort() }
    })
    return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }
}

function buildHardware(up: Upstreams): { hardware: HardwareEntry[]; corrections: AppliedCorrection[] } {
  const catalogue = new HardwareCatalogue()

  const gpusFile = 'mlco2-impact/gpus.csv'
  const gpus = parseCsv(up.read(UPSTREAM.mlco2, 'mlco2-impact', 'gpus.csv'))
  const gpuHeader = gpus[0]!.map((h) => h.trim())
  if (gpus[0]!.some((h) => h !== h.trim()))
    note(`${gpusFile}: header cells with surrounding spaces (" TFLOPS16") trimmed`)
  for (const [i, raw] of gpus.slice(1).entries()) {
    let cells = raw.map((c) => c.trim())
    if (cells.length < gpuHeader.length) {
      // The ragged rows lost an empty column in the middle: memory and source are still the last two fields.
      note(
        `${gpusFile} row ${i + 2} ("${cells[0]}"): ${cells.length} fields for ${gpuHeader.length}; memory and source read from the end`
      )
      const tail = cells.slice(-2)
      cells = [...cells.slice(0, -2), ...Array<string>(gpuHeader.length - cells.length).fill(''), ...tail]
    }
    const row = Object.fromEntries(gpuHeader.map((h, c) => [h, cells[c] ?? '']))
    const kind = z.enum(['gpu', 'cpu', 'tpu']).parse(row.type)
    const tdpW = num(row.tdp_watts) ?? fail(`${gpusFile} row ${i + 2}: no tdp_watts`)
    const plausible = (tflops: number | undefined, column: string): number | undefined => {
      if (tflops === undefined || tflops <= 0) return undefined
      if (tflops / tdpW > TFLOPS_PER_W_MAX) {
        note(
          `${gpusFile} row ${i + 2} ("${row.name}"): ${column} ${tflops} at ${tdpW} W is over ${TFLOPS_PER_W_MAX} TFLOPS/W, dropped`
        )
        return undefined
      }
      return tflops
    }
    const memoryGB = num(row.memory)
    catalogue.add(
      {
        kind,
        name: row.name!,
        tdpW,
        ...optional('fp32Tflops', plausible(num(row.TFLOPS32), 'TFLOPS32')),
        ...optional('fp16Tflops', plausible(num(row.TFLOPS16), 'TFLOPS16')),
        ...optional('memoryGB', memoryGB !== undefined && memoryGB > 0 ? memoryGB : undefined),
        sourceId: 'mlco2'
      },
      gpusFile
    )
  }

  const gaGpuFile = 'green-algorithms/TDP_gpu.csv'
  for (const row of readTable(up.read(UPSTREAM.greenAlgorithms, 'green-algorithms', 'TDP_gpu.csv'), gaGpuFile, 1)
    .rows) {
    const tdpW = num(row.TDP)
    if (!row.model || tdpW === undefined) {
      note(`${gaGpuFile}: "${row.model}" has no TDP (Green Algorithms' placeholder for any GPU), skipped`)
      continue
    }
    const kind = /\btpu\b/i.test(row.model) ? 'tpu' : 'gpu'
    catalogue.add(
      { kind, name: row.model, tdpW, ...optional('memoryGB', num(row.memory)), sourceId: 'green-algorithms' },
      gaGpuFile
    )
  }

  const gaCpuFile = 'green-algorithms/TDP_cpu.csv'
  for (const row of readTable(up.read(UPSTREAM.greenAlgorithms, 'green-algorithms', 'TDP_cpu.csv'), gaCpuFile, 1)
    .rows) {
    const tdpW = num(row.TDP)
    if (!row.model || tdpW === undefined) {
      note(`${gaCpuFile}: "${row.model}" has no TDP (Green Algorithms' placeholder for any CPU), skipped`)
      continue
    }
    const cores = num(row.n_cores)
    catalogue.add(
      {
        kind: 'cpu',
        name: row.model,
        tdpW,
        ...optional('tdpPerCoreW', num(row.TDP_per_core)),
        ...optional('cores', cores !== undefined && Number.isInteger(cores) && cores > 0 ? cores : undefined),
        ...optional('releaseYear', num(row.Release_year)),
        sourceId: 'green-algorithms'
      },
      gaCpuFile
    )
  }

  const ccFile = 'codecarbon/cpu_power.csv'
  const ccRows = readTable(up.read(UPSTREAM.codecarbon, 'codecarbon', 'cpu_power.csv'), ccFile).rows
  for (const [i, row] of ccRows.entries()) {
    const tdpW = num(row.TDP)
    if (!row.Name || tdpW === undefined || tdpW <= 0) {
      note(`${ccFile} row ${i + 2}: "${row.Name}" has no usable TDP ("${row.TDP}"), skipped`)
      continue
    }
    catalogue.add({ kind: 'cpu', name: row.Name, tdpW, sourceId: 'codecarbon' }, ccFile)
  }
  note(
    `hardware: ${catalogue.duplicates} repeated spellings merged within a source; ${catalogue.conflicts} devices whose sources disagree on TDP (first source kept: mlco2, then Green Algorithms, then CodeCarbon)`
  )

  for (const device of VENDOR_DEVICES) {
    if (catalogue.find(device.kind, device.name))
      fail(`vendor device ${device.name} is now in an upstream table; remove it from VENDOR_DEVICES`)
    const { aliases, source: _source, ...fields } = device
    catalogue.add({ ...fields, sourceId: VENDOR_DATASHEETS }, 'vendor datasheets', aliases)
  }

  const entries = catalogue.entries()
  const corrections = correctHardware(entries)
  return { hardware: z.array(hardwareEntrySchema).parse(entries), corrections }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

// ---------------------------------------------------------------------------------------------------------------
// Locations

const ISO2_TO_ISO3 = new Map<string, string>()
const ISO3_TO_ISO2 = new Map<string, string>()
for (const pair of ISO_PAIRS.trim().split(/\s+/)) {
  ISO2_TO_ISO3.set(pair.slice(0, 2), pair.slice(2))
  ISO3_TO_ISO2.set(pair.slice(2), pair.slice(0, 2))
}

/** English spellings the upstream files use that no country table carries. */
const EXTRA_COUNTRY_NAMES: Record<string, string> = {
  usa: 'USA',
  us: 'USA',
  'united states of america': 'USA',
  america: 'USA',
  uk: 'GBR',
  'great britain': 'GBR',
  britain: 'GBR',
  england: 'GBR',
  korea: 'KOR',
  'republic of korea': 'KOR',
  'russian federation': 'RUS',
  'czech republic': 'CZE',
  holland: 'NLD',
  'hong kong': 'HKG',
  taiwan: 'TWN'
}

/** Cloud regions whose grid is one of the bundled hourly zones (sub-national zones only; countries map by code). */
const CLOUD_HOURLY_ZONES: Record<string, string> = {
  'gcp:australia-southeast1': 'AU-NSW',
  'aws:ap-southeast-2': 'AU-NSW',
  'azure:australiaeast': 'AU-NSW',
  'gcp:australia-southeast2': 'AU-VIC',
  'azure:australiasoutheast': 'AU-VIC',
  'gcp:southamerica-east1': 'BR-SP',
  'aws:sa-east-1': 'BR-SP',
  'azure:brazilsouth': 'BR-SP',
  'gcp:northamerica-northeast2': 'CA-ON',
  'azure:canadacentral': 'CA-ON',
  'gcp:asia-south1': 'IN-WE',
  'aws:ap-south-1': 'IN-WE',
  'azure:westindia': 'IN-WE',
  'azure:centralindia': 'IN-WE',
  'gcp:asia-northeast1': 'JP-TK',
  'aws:ap-northeast-1': 'JP-TK',
  'azure:japaneast': 'JP-TK',
  'gcp:us-east4': 'US-MIDA-PJM',
  'aws:us-east-1': 'US-MIDA-PJM',
  'aws:us-east-2': 'US-MIDA-PJM',
  'azure:eastus': 'US-MIDA-PJM',
  'azure:eastus2': 'US-MIDA-PJM',
  'gcp:us-south1': 'US-TEX-ERCO',
  'azure:southcentralus': 'US-TEX-ERCO',
  'aws:us-west-1': 'US-CAL-CISO',
  'azure:westus': 'US-CAL-CISO',
  // Issue 12's zones (2023 US grids, CA-QC): Iowa is in MISO, Oregon's The Dalles and Boardman in BPAT, Salt Lake
  // City in PacifiCorp East, Montréal and Québec in Hydro-Québec.
  'gcp:us-central1': 'US-MIDW-MISO',
  'azure:centralus': 'US-MIDW-MISO',
  'gcp:us-west1': 'US-NW-BPAT',
  'aws:us-west-2': 'US-NW-BPAT',
  'gcp:us-west3': 'US-NW-PACE',
  'gcp:northamerica-northeast1': 'CA-QC',
  'aws:ca-central-1': 'CA-QC',
  'azure:canadaeast': 'CA-QC'
}

/**
 * Cloud regions in a country of several grid zones with no bundled hourly profile: the Electricity Maps zone of the
 * balancing authority serving the region's published city (mlco2 impact.csv's city and state columns). Regions not
 * listed here take their hourly zone's yearly zone, else their country's national zone, else only their country.
 */
const CLOUD_GRID_ZONES: Record<string, string> = {
  'gcp:us-central1': 'US-MIDW-MISO', // Council Bluffs, Iowa
  'azure:centralus': 'US-MIDW-MISO', // Iowa
  'gcp:us-east1': 'US-CAR-SC', // Moncks Corner, South Carolina (Santee Cooper)
  'gcp:us-east5': 'US-MIDA-PJM', // Columbus, Ohio
  'azure:northcentralus': 'US-MIDA-PJM', // Chicago, Illinois
  'gcp:us-west1': 'US-NW-BPAT', // The Dalles, Oregon
  'aws:us-west-2': 'US-NW-BPAT', // Oregon
  'gcp:us-west3': 'US-NW-PACE', // Salt Lake City, Utah
  'gcp:us-west4': 'US-NW-NEVP', // Las Vegas, Nevada
  'azure:eastus3': 'US-SE-SOCO' // Atlanta, Georgia (US): the upstream country column reads it as the country Georgia
}

/** Electricity Maps' national system of Chile is the export's CL-SEN zone, shipped under the key CL-SIC. */
const COUNTRY_HOURLY_EXTRA: Record<string, string> = { CHL: 'CL-SIC' }

const PROVIDER_LABELS: Record<string, string> = {
  gcp: 'Google Cloud',
  aws: 'AWS',
  azure: 'Azure',
  ovh: 'OVHcloud',
  coreweave: 'CoreWeave',
  seeweb: 'Seeweb',
  scaleway: 'Scaleway'
}

/** Nominal years of undated cloud-region intensities: the year each dataset describes or was published. */
const CLOUD_YEARS = { mlco2: 2019, codecarbon: 2022, ccf: 2021 }

interface Hourly {
  key: string
  profile: HourlyProfile
}

/** Every zone-year (scripts/build-hourly.ts); locations attach to each zone's latest profile. */
function buildHourly(up: Upstreams): { latest: Hourly[]; build: HourlyBuild } {
  const build = buildHourlyData(up.root, note)
  up.used.push(...build.used)
  const latest = new Map<string, Hourly>()
  for (const z of build.zoneYears) latest.set(z.key, { key: z.key, profile: z.profile })
  return { latest: [...latest.values()], build }
}

class NameIndex {
  private readonly iso3ByName = new Map<string, string>()
  add(name: string, iso3: string): void {
    const folded = foldText(name)
    if (folded !== '' && !this.iso3ByName.has(folded)) this.iso3ByName.set(folded, iso3)
  }
  iso3(name: string): string | undefined {
    return this.iso3ByName.get(foldText(name))
  }
}

/**
 * An intensity of exactly 0 gCO2eq/kWh upstream is missing data, not a clean grid (no grid, and no data centre on
 * one, is free of life-cycle emissions over a year): that year is skipped, and a location left without years is not
 * shipped. Kept per location id for the notes and SOURCES.md.
 */
class ZeroIntensities {
  readonly byId = new Map<string, { file: string; label: string; years: number[] }>()

  /** True, and recorded, when `value` is exactly 0. */
  missing(value: number, file: string, id: string, label: string, year: number): boolean {
    if (value !== 0) return false
    const item = this.byId.get(id) ?? { file, label, years: [] }
    item.years.push(year)
    this.byId.set(id, item)
    return true
  }

  /** One line per location: what was skipped and what remains of it in `entries`. */
  outcomes(entries: LocationEntry[]): string[] {
    return [...this.byId.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, item]) => {
        const left = entries.find((e) => e.id === id)?.intensities
        const fate = left
          ? `kept its other years (${yearSpans(left.map((i) => i.year))})`
          : 'no other value: location not shipped'
        return `${item.file}: ${item.label} (${id}) 0 g/kWh in ${yearSpans(item.years)} treated as missing; ${fate}`
      })
  }
}

/** 2000, 2001, 2002, 2005 → "2000–2002, 2005". */
function yearSpans(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b)
  const spans: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    spans.push(j === i ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`)
    i = j + 1
  }
  return spans.join(', ')
}

interface CloudDraft {
  provider: string
  region: string
  label?: string
  intensity: YearlyIntensity
  pue?: number
  renewableShare?: number
  countryIso3?: string
  aliases: Set<string>
}

function buildLocations(up: Upstreams, hourly: Hourly[]): { locations: LocationEntry[]; zeroIntensities: string[] } {
  const zeros = new ZeroIntensities()
  const names = new NameIndex()
  const countries = new Map<string, { name: string; aliases: Set<string>; intensities: YearlyIntensity[] }>()

  // Countries: OWID (Ember, Energy Institute) every year; CodeCarbon's latest year where OWID has none.
  const owidFile = 'owid-ember/carbon-intensity.csv'
  const owid = readTable(up.read(UPSTREAM.owid, 'owid-ember', 'carbon-intensity.csv'), owidFile)
  const valueColumn =
    owid.header.find((h) => h.startsWith('Carbon intensity')) ?? fail(`${owidFile}: no intensity column`)
  let skippedAggregates = 0
  for (const row of owid.rows) {
    const iso3 = row.Code ?? ''
    if (!ISO3_TO_ISO2.has(iso3)) {
      skippedAggregates++
      continue
    }
    const intensity = num(row[valueColumn]) ?? fail(`${owidFile}: ${row.Entity} ${row.Year}: no intensity`)
    names.add(row.Entity!, iso3)
    if (zeros.missing(intensity, owidFile, `country:${iso3}`, row.Entity!, Number(row.Year))) continue
    const country = countries.get(iso3) ?? { name: row.Entity!, aliases: new Set<string>(), intensities: [] }
    country.intensities.push({ year: Number(row.Year), intensityGPerKWh: round(intensity, 2), sourceId: 'owid-ember' })
    countries.set(iso3, country)
  }
  note(
    `${owidFile}: ${skippedAggregates} rows of regions and aggregates without an ISO 3166 code (Africa, World, OWID_KOS…) skipped`
  )

  const mix = z
    .record(z.string(), z.object({ country_name: z.string(), carbon_intensity: z.number(), year: z.number().int() }))
    .parse(JSON.parse(up.read(UPSTREAM.codecarbon, 'codecarbon', 'global_energy_mix.json')))
  for (const iso3 of Object.keys(mix).sort()) {
    const item = mix[iso3]!
    if (!ISO3_TO_ISO2.has(iso3)) continue
    names.add(item.country_name, iso3)
    const country = countries.get(iso3)
    if (country) country.aliases.add(foldText(item.country_name))
    else if (
      !zeros.missing(
        item.carbon_intensity,
        'codecarbon/global_energy_mix.json',
        `country:${iso3}`,
        item.country_name,
        item.year
      )
    )
      countries.set(iso3, {
        name: item.country_name,
        aliases: new Set(),
        intensities: [{ year: item.year, intensityGPerKWh: round(item.carbon_intensity, 2), sourceId: 'codecarbon' }]
      })
  }

  // Electricity Maps zones, 2024 and 2025.
  const zones = new Map<string, { name: string; intensities: YearlyIntensity[] }>()
  const zoneSchema = z.record(
    z.string(),
    z.object({
      zone: z.object({ zoneName: z.string() }),
      carbonIntensity: z.object({ value: z.number().nullable() }),
      renewableEnergy: z.object({ value: z.number().nullable() }),
      carbonFreeEnergy: z.object({ value: z.number().nullable() })
    })
  )
  for (const year of [2024, 2025]) {
    const file = `yearly_${year}.json`
    const data = zoneSchema.parse(JSON.parse(up.read(UPSTREAM.emYearly, 'electricity-maps-yearly', file)))
    for (const key of Object.keys(data).sort()) {
      const item = data[key]!
      if (item.carbonIntensity.value === null) {
        note(`electricity-maps-yearly/${file}: ${key} has no carbonIntensity, skipped`)
        continue
      }
      if (
        zeros.missing(
          item.carbonIntensity.value,
          `electricity-maps-yearly/${file}`,
          `zone:${key}`,
          item.zone.zoneName,
          year
        )
      )
        continue
      const zone = zones.get(key) ?? { name: item.zone.zoneName, intensities: [] }
      const share = (value: number | null): number | undefined => (value === null ? undefined : round(value / 100, 4))
      zone.intensities.push({
        year,
        intensityGPerKWh: item.carbonIntensity.value,
        sourceId: 'electricity-maps-yearly',
        ...optional('gridRenewableShare', share(item.renewableEnergy.value)),
        ...optional('gridCarbonFreeShare', share(item.carbonFreeEnergy.value))
      })
      zones.set(key, zone)
      if (/^[A-Z]{2}$/.test(key) && ISO2_TO_ISO3.has(key)) names.add(item.zone.zoneName, ISO2_TO_ISO3.get(key)!)
    }
  }

  const ciFile = 'green-algorithms/CI_aggregated.csv'
  const ci = readTable(up.read(UPSTREAM.greenAlgorithms, 'green-algorithms', 'CI_aggregated.csv'), ciFile, 1).rows
  for (const row of ci) {
    if (row.regionName === 'Any' && /^[A-Z]{2}$/.test(row.location ?? '') && ISO2_TO_ISO3.has(row.location!))
      names.add(row.countryName!, ISO2_TO_ISO3.get(row.location!)!)
  }
  for (const [name, iso3] of Object.entries(EXTRA_COUNTRY_NAMES)) names.add(name, iso3)

  const hourlyByZoneId = new Map(hourly.map((h) => [h.profile.zoneId ?? h.key, h.key]))
  const countryHourly = (iso3: string): string | undefined =>
    COUNTRY_HOURLY_EXTRA[iso3] ?? hourlyByZoneId.get(ISO3_TO_ISO2.get(iso3) ?? '')

  const entries: LocationEntry[] = []
  for (const [iso3, country] of countries) {
    const iso2 = ISO3_TO_ISO2.get(iso3)!
    const aliases = new Set(country.aliases)
    for (const [name, code] of Object.entries(EXTRA_COUNTRY_NAMES)) if (code === iso3) aliases.add(name)
    const zone = zones.get(iso2)
    if (zone) aliases.add(foldText(zone.name))
    aliases.delete(foldText(country.name))
    const hourlyZone = countryHourly(iso3)
    entries.push({
      id: `country:${iso3}`,
      kind: 'country',
      name: country.name,
      iso2,
      iso3,
      intensities: country.intensities.sort((a, b) => a.year - b.year),
      ...optional('hourlyZone', hourlyZone),
      aliases: [...aliases].sort()
    })
  }

  const zoneAliases = new Map<string, string>()
  for (const { key, profile } of hourly) if (profile.zoneId) zoneAliases.set(profile.zoneId, key)
  for (const [key, zone] of zones) {
    const iso2 = key.slice(0, 2)
    const iso3 = ISO2_TO_ISO3.get(iso2)
    const countryName = iso3 ? countries.get(iso3)?.name : undefined
    const national = key.length === 2
    const name = national || !countryName ? zone.name : `${zone.name} (${countryName})`
    const aliases = new Set<string>([foldText(zone.name)])
    const hourlyKey = zoneAliases.get(key) ?? (hourly.some((h) => h.key === key) ? key : undefined)
    if (hourlyKey && hourlyKey !== key) aliases.add(hourlyKey.toLowerCase())
    aliases.delete(foldText(name))
    entries.push({
      id: `zone:${key}`,
      kind: 'zone',
      name,
      ...optional('countryIso3', iso3),
      intensities: zone.intensities.sort((a, b) => a.year - b.year),
      ...optional('hourlyZone', hourlyKey),
      aliases: [...aliases].sort()
    })
  }
  for (const { key } of hourly) {
    if (!entries.some((e) => e.hourlyZone === key && e.kind === 'zone'))
      note(`hourly zone ${key} has no yearly zone to attach to`)
  }

  const hourlyYearlyZone = new Map(hourly.map((h) => [h.key, h.profile.zoneId ?? h.key]))
  const gridZoneOf = (cloudKey: string, iso3: string | undefined, hourlyZone: string | undefined) => {
    const candidates = [
      CLOUD_GRID_ZONES[cloudKey],
      hourlyZone === undefined ? undefined : hourlyYearlyZone.get(hourlyZone),
      iso3 === undefined ? undefined : ISO3_TO_ISO2.get(iso3)
    ]
    return candidates.find((zone) => zone !== undefined && zones.has(zone))
  }
  entries.push(...buildCloudRegions(up, names, countryHourly, gridZoneOf, zeros))
  const locations = z.array(locationEntrySchema).parse(entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
  const zeroIntensities = zeros.outcomes(locations)
  for (const line of zeroIntensities) note(line)
  return { locations, zeroIntensities }
}

function squashRegion(region: string): string {
  return foldText(region).replace(/\s+/g, '')
}

function buildCloudRegions(
  up: Upstreams,
  names: NameIndex,
  countryHourly: (iso3: string) => string | undefined,
  gridZoneOf: (cloudKey: string, iso3: string | undefined, hourlyZone: string | undefined) => string | undefined,
  zeros: ZeroIntensities
): LocationEntry[] {
  const regions = new Map<string, CloudDraft>()
  const key = (provider: string, region: string): string => `${normaliseProvider(provider)}:${squashRegion(region)}`
  const idOf = (provider: string, region: string): string =>
    `cloud:${normaliseProvider(provider)}:${region.toLowerCase()}`

  // Green Algorithms: per-datacentre PUE and the grid location each region lies in.
  const dcFile = 'green-algorithms/cloudProviders_datacenters.csv'
  const datacentres = new Map<string, { pue?: number; iso3?: string }>()
  for (const row of readTable(
    up.read(UPSTREAM.greenAlgorithms, 'green-algorithms', 'cloudProviders_datacenters.csv'),
    dcFile,
    1
  ).rows) {
    const iso3 = ISO2_TO_ISO3.get((row.location ?? '').slice(0, 2))
    datacentres.set(key(row.provider!, row.Name!), { ...optional('pue', num(row.PUE)), ...optional('iso3', iso3) })
  }
  const pueFile = 'green-algorithms/defaults_PUE.csv'
  const providerPue = new Map<string, number>()
  for (const row of readTable(up.read(UPSTREAM.greenAlgorithms, 'green-algorithms', 'defaults_PUE.csv'), pueFile, 1)
    .rows) {
    providerPue.set(normaliseProvider(row.provider!), num(row.PUE) ?? fail(`${pueFile}: ${row.provider} has no PUE`))
  }

  const mlFile = 'mlco2-impact/impact.csv'
  for (const row of readTable(up.read(UPSTREAM.mlco2, 'mlco2-impact', 'impact.csv'), mlFile).rows) {
    if (!row.region) {
      note(`${mlFile}: ${row.provider} row (${row.regionName}) has no region id, skipped`)
      continue
    }
    const intensity = num(row.impact) ?? fail(`${mlFile}: ${row.provider}:${row.region} has no impact`)
    if (
      zeros.missing(
        intensity,
        mlFile,
        idOf(row.provider!, row.region),
        `${row.provider} ${row.region}`,
        CLOUD_YEARS.mlco2
      )
    )
      continue
    const offset = num(row.offsetRatio)
    const label = [
      ...new Set([row.regionName, row.city || row.state, row.country].filter((part) => part && part !== ''))
    ].join(', ')
    regions.set(key(row.provider!, row.region), {
      provider: normaliseProvider(row.provider!),
      region: row.region,
      label,
      intensity: { year: CLOUD_YEARS.mlco2, intensityGPerKWh: intensity, sourceId: 'mlco2' },
      ...optional('pue', num(row.PUE)),
      ...optional('renewableShare', offset === undefined ? undefined : offset / 100),
      ...optional('countryIso3', names.iso3(row.country ?? '')),
      aliases: new Set(row.regionName ? [foldText(`${row.provider} ${row.regionName}`)] : [])
    })
  }

  const ccImpactFile = 'codecarbon/impact.csv'
  for (const row of readTable(up.read(UPSTREAM.codecarbon, 'codecarbon', 'impact.csv'), ccImpactFile).rows) {
    const k = key(row.provider!, row.region!)
    const iso3 = ISO3_TO_ISO2.has(row.countryIsoCode ?? '') ? row.countryIsoCode : undefined
    const existing = regions.get(k)
    if (existing) {
      if (iso3) existing.countryIso3 = iso3
      continue
    }
    const offset = num(row.offsetRatio)
    const intensity = num(row.impact) ?? fail(`${ccImpactFile}: ${k} has no impact`)
    if (
      zeros.missing(
        intensity,
        ccImpactFile,
        idOf(row.provider!, row.region!),
        `${row.provider} ${row.region}`,
        CLOUD_YEARS.codecarbon
      )
    )
      continue
    regions.set(k, {
      provider: normaliseProvider(row.provider!),
      region: row.region!,
      label: [row.city || row.state, row.country_name].filter((part) => part && part !== '').join(', '),
      intensity: { year: CLOUD_YEARS.codecarbon, intensityGPerKWh: intensity, sourceId: 'codecarbon' },
      ...optional('renewableShare', offset === undefined ? undefined : offset / 100),
      ...optional('countryIso3', iso3),
      aliases: new Set()
    })
  }

  for (const provider of ['aws', 'azure', 'gcp']) {
    const file = `cloud-carbon-coefficients/grid-emissions-factors-${provider}.csv`
    const table = readTable(
      up.read(UPSTREAM.ccf, 'cloud-carbon-coefficients', `grid-emissions-factors-${provider}.csv`),
      file
    )
    const column = table.header.find((h) => h.startsWith('CO2e')) ?? fail(`${file}: no CO2e column`)
    for (const row of table.rows) {
      const raw = row[column] ?? ''
      const tonnesPerKWh = num(raw)
      // The Azure file writes two factors without "0." (Finland 000077, Germany 000402): not guessed, skipped.
      if (tonnesPerKWh === undefined || !/^\d*\.\d+$/.test(raw) || tonnesPerKWh >= 0.01) {
        note(`${file}: ${row.Region}: malformed factor "${raw}", skipped`)
        continue
      }
      const k = key(provider, row.Region!)
      if (regions.has(k)) continue
      const region = provider === 'azure' ? squashRegion(row.Region!) : row.Region!
      if (zeros.missing(tonnesPerKWh, file, idOf(provider, region), `${provider} ${row.Region}`, CLOUD_YEARS.ccf))
        continue
      const place = row.Country ?? row.Location ?? ''
      regions.set(k, {
        provider,
        region,
        label: provider === 'azure' ? `${row.Region}, ${place}` : place,
        intensity: { year: CLOUD_YEARS.ccf, intensityGPerKWh: round(tonnesPerKWh * 1e6, 3), sourceId: 'ccf' },
        ...optional('countryIso3', names.iso3(place)),
        aliases: new Set(provider === 'azure' ? [foldText(`azure ${row.Region}`)] : [])
      })
    }
  }

  const entries: LocationEntry[] = []
  for (const [k, draft] of regions) {
    const datacentre = datacentres.get(k)
    const countryIso3 = datacentre?.iso3 ?? draft.countryIso3
    const pue = draft.pue ?? datacentre?.pue ?? providerPue.get(draft.provider)
    // cited to where the PUE really comes from: the region's own dataset, else Green Algorithms' datacentre table or
    // its provider defaults
    const pueSourceId =
      pue === undefined ? undefined : draft.pue !== undefined ? draft.intensity.sourceId : 'green-algorithms'
    const hourlyZone = CLOUD_HOURLY_ZONES[k] ?? (countryIso3 ? countryHourly(countryIso3) : undefined)
    const gridZone = gridZoneOf(k, countryIso3, hourlyZone)
    const providerLabel = PROVIDER_LABELS[draft.provider] ?? draft.provider
    const aliases = new Set([
      ...draft.aliases,
      foldText(`${draft.provider} ${draft.region}`),
      foldText(`${providerLabel} ${draft.region}`)
    ])
    const name = draft.label ? `${providerLabel} ${draft.region} (${draft.label})` : `${providerLabel} ${draft.region}`
    aliases.delete(foldText(name))
    entries.push({
      id: `cloud:${draft.provider}:${draft.region.toLowerCase()}`,
      kind: 'cloud',
      name,
      provider: draft.provider,
      region: draft.region,
      ...optional('countryIso3', countryIso3),
      intensities: [draft.intensity],
      ...optional('pue', pue),
      ...optional('pueSourceId', pueSourceId),
      ...optional('renewableShare', draft.renewableShare),
      ...optional('hourlyZone', hourlyZone),
      ...optional('gridZone', gridZone),
      aliases: [...aliases].sort()
    })
  }
  return entries
}

// ---------------------------------------------------------------------------------------------------------------
// Defaults

function buildDefaults(up: Upstreams): MethodDefaults {
  const refFile = 'green-algorithms/referenceValues.csv'
  const reference = new Map(
    readTable(up.read(UPSTREAM.greenAlgorithms, 'green-algorithms', 'referenceValues.csv'), refFile, 1).rows.map(
      (row) => [row.variable!, num(row.value)]
    )
  )
  const value = (variable: string): number => reference.get(variable) ?? fail(`${refFile}: no ${variable}`)

  const pueFile = 'green-algorithms/defaults_PUE.csv'
  const byProvider: Record<string, number> = {}
  let unknownDataCentre: number | undefined
  for (const row of readTable(up.read(UPSTREAM.greenAlgorithms, 'green-algorithms', 'defaults_PUE.csv'), pueFile, 1)
    .rows) {
    const pue = num(row.PUE) ?? fail(`${pueFile}: ${row.provider} has no PUE`)
    if (row.provider === 'Unknown') unknownDataCentre = pue
    else byProvider[normaliseProvider(row.provider!)] = pue
  }

  const ciFile = 'green-algorithms/CI_aggregated.csv'
  const world = readTable(
    up.read(UPSTREAM.greenAlgorithms, 'green-algorithms', 'CI_aggregated.csv'),
    ciFile,
    1
  ).rows.find((row) => row.location === 'WORLD')
  const worldIntensity = num(world?.carbonIntensity) ?? fail(`${ciFile}: no WORLD row`)

  const embodied = deriveEmbodied(up)

  return methodDefaultsSchema.parse({
    memoryWPerGB: value('memoryPower'),
    pue: {
      unknownDataCentre: unknownDataCentre ?? fail(`${pueFile}: no Unknown row`),
      personalComputer: 1,
      byProvider: sortKeys(byProvider)
    },
    equivalents: {
      carGPerKm: value('passengerCar_EU_perkm'),
      treeMonthG: value('tree_month'),
      flightKg: value('flight_PAR-LON') / 1000,
      flightLabel: 'one passenger, Paris–London flight'
    },
    embodied,
    worldIntensityGPerKWh: worldIntensity,
    sourceIds: {
      memoryWPerGB: 'green-algorithms',
      'pue.unknownDataCentre': 'green-algorithms',
      'pue.personalComputer': 'green-algorithms',
      'pue.byProvider': 'green-algorithms',
      'equivalents.carGPerKm': 'green-algorithms',
      'equivalents.treeMonthG': 'green-algorithms',
      'equivalents.flightKg': 'green-algorithms',
      worldIntensityGPerKWh: 'green-algorithms'
    }
  })
}

/** GPU counts of the largest instance of each CCF GPU family: CCF's additional_gpus covers that host's GPUs. */
const CCF_GPU_HOSTS: { file: string; type: string; gpus: number }[] = [
  { file: 'coefficients-aws-embodied.csv', type: 'p4d.24xlarge', gpus: 8 },
  { file: 'coefficients-aws-embodied.csv', type: 'p3.16xlarge', gpus: 8 },
  { file: 'coefficients-aws-embodied.csv', type: 'g4dn.metal', gpus: 8 },
  { file: 'coefficients-gcp-embodied.csv', type: 'a2-megagpu-16g', gpus: 16 },
  { file: 'coefficients-azure-embodied.csv', type: 'NC24', gpus: 4 }
]
/** Cloud Carbon Footprint's server lifespan. */
const SERVER_LIFESPAN_YEARS = 4

function deriveEmbodied(up: Upstreams): MethodDefaults['embodied'] {
  const tables = new Map<string, Record<string, string>[]>()
  const table = (file: string): Record<string, string>[] => {
    let rows = tables.get(file)
    if (!rows) {
      rows = readTable(
        up.read(UPSTREAM.ccf, 'cloud-carbon-coefficients/output', file),
        `cloud-carbon-coefficients/output/${file}`
      ).rows
      tables.set(file, rows)
    }
    return rows
  }
  const perGpu = CCF_GPU_HOSTS.map(({ file, type, gpus }) => {
    const row = table(file).find((r) => r.type === type) ?? fail(`${file}: no ${type}`)
    return (num(row.additional_gpus) ?? fail(`${file}: ${type} has no additional_gpus`)) / gpus
  })
  if (new Set(perGpu).size !== 1) fail(`CCF embodied per GPU differs between hosts: ${perGpu.join(', ')}`)
  const gpuKg = perGpu[0]!

  // The base server is what remains of a host's total once its additions are taken away; it is one value in CCF.
  const bases = new Set<number>()
  const extraCpus = new Set<number>()
  for (const file of [
    'coefficients-aws-embodied.csv',
    'coefficients-gcp-embodied.csv',
    'coefficients-azure-embodied.csv'
  ]) {
    for (const row of table(file)) {
      const parts = ['additional_memory', 'additional_storage', 'additional_cpus', 'additional_gpus'].map(
        (c) => num(row[c]) ?? 0
      )
      bases.add(round((num(row.total) ?? 0) - parts.reduce((a, b) => a + b, 0), 2))
      const cpus = num(row.additional_cpus) ?? 0
      if (cpus > 0) extraCpus.add(cpus)
    }
  }
  // additional_cpus is 100 kg per CPU beyond the first (hosts of 2, 4 and 8 sockets give 100, 300, 700).
  const secondCpuKg = Math.min(...extraCpus)
  if (bases.size !== 1 || [...extraCpus].some((kg) => kg % secondCpuKg !== 0)) {
    fail(
      `CCF embodied: expected one base server and multiples of one additional-CPU figure, got ${[...bases]} and ${[...extraCpus]}`
    )
  }
  const baseKg = [...bases][0]!
  const cpuKg = (baseKg + secondCpuKg) / 2

  return {
    cpu: {
      totalKg: cpuKg,
      lifespanYears: SERVER_LIFESPAN_YEARS,
      sourceId: 'ccf',
      note: `Half of Cloud Carbon Footprint's two-socket server: (base ${baseKg} kg with one CPU + ${secondCpuKg} kg for the second CPU) / 2; base = instance total less its additions, one value across CCF's AWS, GCP and Azure tables.`
    },
    gpu: {
      totalKg: gpuKg,
      lifespanYears: SERVER_LIFESPAN_YEARS,
      sourceId: 'ccf',
      note: `Cloud Carbon Footprint's additional_gpus of a GPU server divided by its GPU count (p4d.24xlarge, p3.16xlarge, g4dn.metal /8; a2-megagpu-16g /16; Azure NC24 /4): ${gpuKg} kg in every case.`
    },
    tpu: {
      totalKg: gpuKg,
      lifespanYears: SERVER_LIFESPAN_YEARS,
      sourceId: 'carbon-ledger',
      note: `Assumption: no public per-chip figure for TPUs; one TPU chip counted as one GPU (${gpuKg} kg, Cloud Carbon Footprint).`
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])])
    ) as T
  }
  return value
}

/** Arrays of objects one per line (readable diffs), everything else compact. */
function toJson(value: unknown): string {
  const sorted = sortKeys(value)
  if (Array.isArray(sorted)) return `[\n${sorted.map((item) => JSON.stringify(item)).join(',\n')}\n]\n`
  return `${JSON.stringify(sorted)}\n`
}

interface Fixes {
  corrections: AppliedCorrection[]
  zeroIntensities: string[]
}

function fixesMarkdown({ corrections, zeroIntensities }: Fixes): string[] {
  const figure = (value: number | undefined): string => (value === undefined ? '—' : String(value))
  const lines = [
    '## FLOPS basis',
    '',
    `Every TFLOPS figure of hardware.json is on one basis, so that rankings by FLOPS and FLOPS/W compare alike. ${FLOPS_BASIS}`,
    'A figure whose basis cannot be established is left out rather than kept on another basis.',
    '',
    '## Corrections to upstream',
    '',
    'Figures of the upstream tables on another basis, or plainly wrong, replaced from the vendor document named (source',
    "`vendor-datasheets` in the entry's sourceIds; first when it gives the TDP) or dropped (—).",
    '',
    '| device | change | reason | source |',
    '|---|---|---|---|'
  ]
  for (const c of corrections) {
    const change = c.changes.map((x) => `${x.field} ${figure(x.from)} → ${figure(x.to)}`).join('; ')
    lines.push(`| ${c.name} (\`${c.id}\`) | ${change} | ${c.reason} | ${c.source} |`)
  }
  lines.push(
    '',
    '## Devices from vendor datasheets',
    '',
    "Current accelerators no upstream table lists, added from their vendor's datasheet (source `vendor-datasheets`).",
    '',
    '| device | TDP (W) | FP32 TFLOPS | FP16 TFLOPS (dense) | memory (GB) | source |',
    '|---|---|---|---|---|---|',
    ...VENDOR_DEVICES.map(
      (d) => `| ${d.name} | ${d.tdpW} | ${d.fp32Tflops} | ${d.fp16Tflops} | ${d.memoryGB} | ${d.source} |`
    ),
    '',
    '## Intensities treated as missing',
    '',
    'An intensity of exactly 0 gCO2eq/kWh upstream is missing data, not a clean grid: the year is skipped, and a location',
    'left without any year is not shipped.',
    '',
    ...(zeroIntensities.length > 0 ? zeroIntensities.map((line) => `- ${line}`) : ['- none']),
    ''
  )
  return lines
}

function sourcesMarkdown(
  manifest: DataManifest,
  counts: Record<string, number>,
  fixes: Fixes,
  hourlyMarkdown: string[]
): string {
  const lines = [
    '# Reference data: sources and attributions',
    '',
    `Data version **${manifest.dataVersion}**. Generated by \`scripts/build-data.ts\` from the upstream copies in`,
    '`../shared/reference-data` (regenerate with `npm run data`, or `npx tsx scripts/build-data.ts --from <dir>`).',
    'The build is reproducible: the same upstream files give byte-identical tables (entries and keys sorted, no dates',
    "of the build). The version is the release plus a hash of the tables' content.",
    '',
    '| file | contents |',
    '|---|---|',
    `| hardware.json | ${counts.gpu} GPUs, ${counts.cpu} CPUs, ${counts.tpu} TPUs: TDP (W), per-core TDP and cores where Green Algorithms gives them, TFLOPS, memory, aliases. \`sourceIds[0]\` is the source of \`tdpW\`; later ids also list the device. |`,
    `| locations.json | ${counts.country} countries (every year OWID has), ${counts.zone} Electricity Maps zones (2024, 2025), ${counts.cloud} cloud regions. |`,
    `| hourly/<zone>/<year>.json | ${counts.hourly} zones, 2021–2024 (UTC hours), life-cycle and direct gCO2eq/kWh to 0.1: see "Hourly profiles". |`,
    '| defaults.json | memory power, PUE defaults, equivalents, world intensity, embodied emissions per device class. |',
    '| manifest.json | data version, upstream files (repository, commit, path), sources with licences. |',
    '',
    '## Sources',
    ''
  ]
  for (const source of manifest.sources) {
    lines.push(`### ${source.title} (\`${source.id}\`)`, '')
    if (source.url) lines.push(`- URL: ${source.url}`)
    if (source.version) lines.push(`- Version: ${source.version}`)
    if (source.licence) lines.push(`- Licence: ${source.licence}`)
    lines.push(`- Attribution: ${source.attribution}`)
    const use = SOURCE_USE[source.id]
    if (use) lines.push(`- Used for: ${use}`)
    lines.push('')
  }
  lines.push(
    ...fixesMarkdown(fixes),
    ...hourlyMarkdown,
    '## Open Database License (Electricity Maps)',
    '',
    'The zone intensities of locations.json and the profiles of hourly/ are derived from Electricity Maps data',
    'published under the Open Database License 1.0. They are a derived database and stay under the ODbL: any public',
    'use must attribute "Electricity Maps" and keep the ODbL terms for these tables and anything derived from them.',
    '',
    '## Upstream files',
    ''
  )
  for (const file of manifest.generatedFrom) lines.push(`- ${file.repository} @ ${file.commit} : \`${file.path}\``)
  lines.push('')
  return lines.join('\n')
}

const SOURCE_USE: Record<string, string> = {
  mlco2:
    'GPU, TPU and a few CPU TDPs, TFLOPS and memory (gpus.csv); cloud regions of gcp, aws, azure, ovh, coreweave, seeweb with grid intensity, PUE where given and offsetRatio → renewableShare (impact.csv; nominal year 2019).',
  'green-algorithms':
    'CPU TDP per core and cores (TDP_cpu.csv), GPU TDPs (TDP_gpu.csv), PUE defaults (defaults_PUE.csv) and per-datacentre PUE and country (cloudProviders_datacenters.csv), memory power, car, tree-month and flight equivalents (referenceValues.csv), world intensity 475 (CI_aggregated.csv).',
  codecarbon:
    'TDP of 4,900 CPU models (cpu_power.csv); countries missing from OWID (global_energy_mix.json); GCP regions missing from mlco2 and their ISO country (impact.csv; nominal year 2022).',
  'owid-ember': 'Yearly carbon intensity of electricity of every country, all years.',
  'electricity-maps-yearly':
    'Yearly life-cycle carbon intensity, renewable and carbon-free shares of 352 zones, 2024 and 2025.',
  'electricity-maps-hourly':
    'Hourly life-cycle and direct intensities of 40 zones, 2021–2024 (122 zone-years): runs at the intensity of their hours, time shifting, the Dodge et al. study.',
  'electricity-maps-export': 'Hourly profiles the user imports from the Electricity Maps data portal.',
  ccf: 'Grid factors of cloud regions missing from mlco2 and CodeCarbon (nominal year 2021); embodied emissions per GPU and per CPU socket (coefficients-*-embodied.csv).',
  'vendor-datasheets':
    'Peak FLOPS (and a few TDPs) of the hardware catalogue where upstream figures were on another basis or wrong: see "Corrections to upstream"; current accelerators no upstream lists: see "Devices from vendor datasheets".',
  'carbon-ledger': 'Assumptions stated where used (TPU embodied emissions).'
}

function main(): void {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  const args = process.argv.slice(2)
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name)
    return at >= 0 ? (args[at + 1] ?? fail(`${name} needs a value`)) : undefined
  }
  const from = resolve(repoRoot, option('--from') ?? '../shared/reference-data')
  const out = resolve(repoRoot, option('--out') ?? 'data')
  const up = new Upstreams(from)

  const { hardware, corrections } = buildHardware(up)
  const { latest: hourly, build: hourlyBuild } = buildHourly(up)
  const { locations, zeroIntensities } = buildLocations(up, hourly)
  const defaults = buildDefaults(up)

  const files = new Map<string, string>([
    ['hardware.json', toJson(hardware)],
    ['locations.json', toJson(locations)],
    ['defaults.json', toJson(defaults)]
  ])
  for (const [name, content] of hourlyBuild.files) files.set(name, content)

  const hash = createHash('sha256')
  for (const [name, content] of files) hash.update(name).update('\0').update(content).update('\0')
  const generatedFrom = [...new Map(up.used.map((u) => [`${u.repository}\0${u.path}`, u])).values()].sort((a, b) =>
    a.repository === b.repository ? (a.path < b.path ? -1 : 1) : a.repository < b.repository ? -1 : 1
  )
  const manifest = dataManifestSchema.parse({
    dataVersion: `${DATA_RELEASE}-${hash.digest('hex').slice(0, 8)}`,
    generatedFrom,
    hourlyZones: hourly.map((h) => h.key).sort(),
    hourlyYears: Object.fromEntries(
      hourly.map((h) => [h.key, hourlyBuild.zoneYears.filter((z) => z.key === h.key).map((z) => z.year)])
    ),
    sources: SOURCES
  })
  files.set('manifest.json', toJson(manifest))
  const count = (kind: string): number =>
    hardware.filter((h) => h.kind === kind).length + locations.filter((l) => l.kind === kind).length
  files.set(
    'SOURCES.md',
    sourcesMarkdown(
      manifest,
      {
        gpu: count('gpu'),
        cpu: count('cpu'),
        tpu: count('tpu'),
        country: count('country'),
        zone: count('zone'),
        cloud: count('cloud'),
        hourly: hourly.length
      },
      { corrections, zeroIntensities },
      hourlyBuild.markdown
    )
  )

  rmSync(join(out, 'hourly'), { recursive: true, force: true })
  for (const [name, content] of files) {
    mkdirSync(dirname(join(out, name)), { recursive: true })
    writeFileSync(join(out, name), content)
  }
  console.log(
    `wrote ${files.size} files to ${out}: data version ${manifest.dataVersion}; ${hardware.length} hardware entries, ${locations.length} locations, ${hourly.length} hourly zones; ${notes.length} notes`
  )
}

main()
