import type { PropsWithChildren } from 'react';
import { I18nProvider } from './i18n';
import './theme.css';
import './app.css';

function App({ children }: PropsWithChildren) {
  // Pages render as children; the language is app-wide.
  return <I18nProvider>{children}</I18nProvider>;
}

export default App;
