import './styles/app.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'

// ?db=name opens another ledger database: the end-to-end tests and benchmarks each use their own.
const databaseName = new URLSearchParams(window.location.search).get('db') ?? undefined
const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <App databaseName={databaseName} />
    </StrictMode>
  )
