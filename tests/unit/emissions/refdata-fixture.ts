import { createReferenceData, type ReferenceData } from '../../../shared/refdata/index'

/**
 * Small reference tables in the shape of data/: a few real rows (Green Algorithms, mlco2, Electricity Maps yearly
 * figures as published) and defaults of data/defaults.json, enough to test every branch of resolveFactors.
 */
export const testRef = (): ReferenceData =>
  createReferenceData({
    manifest: {
      dataVersion: 'test-2025.1',
      generatedFrom: [],
      sources: [
        { id: 'green-algorithms', title: 'Green Algorithms', attribution: 'Lannelongue et al. 2021' },
        { id: 'mlco2', title: 'ML CO2 Impact', attribution: 'Lacoste et al. 2019' },
        { id: 'electricity-maps', title: 'Electricity Maps yearly', attribution: 'Electricity Maps' },
        { id: 'electricity-maps-hourly', title: 'Electricity Maps hourly 2024', attribution: 'Electricity Maps' },
        { id: 'embodied', title: 'Embodied defaults', attribution: 'test' }
      ]
    },
    hardware: [
      {
        id: 'gpu:tesla-v100',
        kind: 'gpu',
        name: 'Tesla V100',
        tdpW: 300,
        aliases: ['tesla v100'],
        sourceIds: ['mlco2']
      },
      { id: 'gpu:rtx-3090', kind: 'gpu', name: 'RTX 3090', tdpW: 250, aliases: [], sourceIds: ['green-algorithms'] },
      {
        id: 'cpu:xeon-gold-6148',
        kind: 'cpu',
        name: 'Xeon Gold 6148',
        tdpW: 150,
        tdpPerCoreW: 7.5,
        cores: 20,
        aliases: [],
        sourceIds: ['green-algorithms']
      }
    ],
    locations: [
      {
        id: 'country:FRA',
        kind: 'country',
        name: 'France',
        iso2: 'FR',
        iso3: 'FRA',
        intensities: [
          { year: 2022, intensityGPerKWh: 85, sourceId: 'electricity-maps' },
          { year: 2023, intensityGPerKWh: 56, sourceId: 'electricity-maps' }
        ],
        aliases: ['france']
      },
      {
        id: 'zone:DE-LU',
        kind: 'zone',
        name: 'Germany and Luxembourg',
        intensities: [{ year: 2024, intensityGPerKWh: 344, sourceId: 'electricity-maps' }],
        hourlyZone: 'DE-LU',
        aliases: []
      },
      {
        id: 'cloud:gcp:europe-west1',
        kind: 'cloud',
        name: 'Google Cloud europe-west1 (Belgium)',
        provider: 'gcp',
        region: 'europe-west1',
        intensities: [{ year: 2021, intensityGPerKWh: 267, sourceId: 'mlco2' }],
        pue: 1.11,
        renewableShare: 1,
        aliases: []
      },
      {
        id: 'cloud:aws:eu-west-1',
        kind: 'cloud',
        name: 'AWS eu-west-1 (Ireland)',
        provider: 'aws',
        region: 'eu-west-1',
        intensities: [{ year: 2021, intensityGPerKWh: 316, sourceId: 'mlco2' }],
        aliases: []
      }
    ],
    defaults: {
      memoryWPerGB: 0.3725,
      pue: {
        unknownDataCentre: 1.56,
        personalComputer: 1,
        byProvider: { gcp: 1.12, aws: 1.2, azure: 1.12, OVHcloud: 1.09 }
      },
      equivalents: { carGPerKm: 175, treeMonthG: 917, flightKg: 50, flightLabel: 'Paris–London' },
      embodied: { gpu: { totalKg: 150, lifespanYears: 4, sourceId: 'embodied', note: 'test GPU' } },
      worldIntensityGPerKWh: 475,
      sourceIds: {
        memoryWPerGB: 'green-algorithms',
        'pue.byProvider': 'green-algorithms',
        'pue.personalComputer': 'green-algorithms',
        'pue.unknownDataCentre': 'green-algorithms',
        'equivalents.carGPerKm': 'green-algorithms',
        'equivalents.treeMonthG': 'green-algorithms',
        'equivalents.flightKg': 'green-algorithms',
        worldIntensityGPerKWh: 'green-algorithms'
      }
    }
  })
