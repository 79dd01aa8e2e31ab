// Headless command line. Plain Node: never imports electron.
process.stdout.write('carbon-ledger: commands are coming (estimate, import, data)\n')
