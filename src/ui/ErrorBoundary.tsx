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
      <div className="boundary" role="alert">
        The {this.props.area} could not be drawn ({this.state.error.message}).{' '}
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
