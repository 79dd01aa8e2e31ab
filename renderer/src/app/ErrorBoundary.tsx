import { Component, type ReactNode } from 'react'

interface Props {
  /** Renders the error for the user (a function so that it can use the i18n hook). */
  fallback: (error: Error, reset: () => void) => ReactNode
  /** A new key resets the boundary (e.g. on navigation). */
  resetKey: string
  children: ReactNode
}

export class ErrorBoundary extends Component<Props, { error: Error | null; resetKey: string }> {
  override state = { error: null as Error | null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; resetKey: string }) {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null
  }

  override render() {
    if (this.state.error) return this.props.fallback(this.state.error, () => this.setState({ error: null }))
    return this.props.children
  }
}
