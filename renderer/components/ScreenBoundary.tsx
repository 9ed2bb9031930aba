// A screen that cannot be loaded (its chunk could not be fetched) or that fails while rendering
// shows a message and a way out, instead of leaving the window empty.
import { Component, type ReactNode } from 'react';
import i18n from '../i18n/index.js';

export class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="error-text">
        <p>{i18n.t('app.screenFailed')}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {i18n.t('app.reload')}
        </button>
      </div>
    );
  }
}
