// A drawing error in one area of the UI shows a message there; the rest of the app, the store and
// the simulation go on.
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<
  { area: string; children: ReactNode },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="boundary" role="alert" style={{ overflowWrap: 'anywhere' }}>
        The {this.props.area} could not be drawn (
        <bdi title={this.state.error.message}>{this.state.error.message.slice(0, 300)}</bdi>).{' '}
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
