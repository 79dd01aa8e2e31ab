import { createReferenceData, type ReferenceData } from '../../../shared/refdata/index'

/**
 * Small reference tables for the planner: three accelerators with round FLOPS and TDPs, two cloud providers'
 * regions, a country and a zone with an hourly zone, and defaults shaped like data/defaults.json.
 */
export const planningRef = (): ReferenceData =>
  createReferenceData({
    manifest: {
      dataVersion: 'planning-test',
      generatedFrom: [],
      sources: [
        { id: 'mlco2', title: 'ML CO2 Impact', attribution: 'test' },
        { id: 'em', title: 'Electricity Maps yearly', attribution: 'test' },
        { id: 'ga', title: 'Green Algorithms', attribution: 'test' }
      ]
    },
    hardware: [
      // fp16: 100 TFLOPS / 400 W = 250 GFLOPS/W ; 200 / 400 = 500 ; 50 / 100 = 500 (less memory)
      {
        id: 'gpu:old',
        kind: 'gpu',
        name: 'Old GPU',
        tdpW: 400,
        fp32Tflops: 25,
        fp16Tflops: 100,
        memoryGB: 40,
        aliases: ['old gpu'],
        sourceIds: ['mlco2']
      },
      {
        id: 'gpu:new',
        kind: 'gpu',
        name: 'New GPU',
        tdpW: 400,
        fp32Tflops: 50,
        fp16Tflops: 200,
        memoryGB: 80,
        aliases: ['new gpu'],
        sourceIds: ['mlco2']
      },
      {
        id: 'gpu:small',
        kind: 'gpu',
        name: 'Small GPU',
        tdpW: 100,
        fp16Tflops: 50,
        memoryGB: 16,
        aliases: [],
        sourceIds: ['mlco2']
      },
      { id: 'gpu:noflops', kind: 'gpu', name: 'Unrated GPU', tdpW: 300, aliases: [], sourceIds: ['mlco2'] },
      { id: 'cpu:xeon', kind: 'cpu', name: 'Xeon', tdpW: 150, fp32Tflops: 1, aliases: [], sourceIds: ['ga'] }
    ],
    locations: [
      {
        id: 'country:FRA',
        kind: 'country',
        name: 'France',
        iso2: 'FR',
        iso3: 'FRA',
        intensities: [{ year: 2024, intensityGPerKWh: 50, sourceId: 'em' }],
        aliases: ['france']
      },
      {
        id: 'zone:DE-LU',
        kind: 'zone',
        name: 'Germany',
        intensities: [{ year: 2024, intensityGPerKWh: 400, sourceId: 'em' }],
        hourlyZone: 'DE-LU',
        aliases: []
      },
      {
        id: 'cloud:aws:dirty-1',
        kind: 'cloud',
        name: 'AWS dirty-1',
        provider: 'aws',
        region: 'dirty-1',
        intensities: [{ year: 2024, intensityGPerKWh: 500, sourceId: 'mlco2' }],
        aliases: []
      },
      {
        id: 'cloud:aws:clean-1',
        kind: 'cloud',
        name: 'AWS clean-1',
        provider: 'aws',
        region: 'clean-1',
        intensities: [{ year: 2024, intensityGPerKWh: 100, sourceId: 'mlco2' }],
        aliases: []
      },
      {
        id: 'cloud:gcp:green-1',
        kind: 'cloud',
        name: 'GCP green-1',
        provider: 'gcp',
        region: 'green-1',
        intensities: [{ year: 2024, intensityGPerKWh: 20, sourceId: 'mlco2' }],
        pue: 1.1,
        renewableShare: 1,
        aliases: []
      }
    ],
    defaults: {
      memoryWPerGB: 0.3725,
      pue: { unknownDataCentre: 1.56, personalComputer: 1, byProvider: { aws: 1.2, gcp: 1.1 } },
      equivalents: { carGPerKm: 175, treeMonthG: 917, flightKg: 50, flightLabel: 'Paris–London' },
      embodied: {},
      worldIntensityGPerKWh: 475,
      sourceIds: {
        'equivalents.carGPerKm': 'ga',
        'equivalents.flightKg': 'ga',
        'equivalents.treeMonthG': 'ga',
        memoryWPerGB: 'ga',
        'pue.byProvider': 'ga',
        'pue.personalComputer': 'ga',
        'pue.unknownDataCentre': 'ga',
        worldIntensityGPerKWh: 'ga'
      }
    }
  })
