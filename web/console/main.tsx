import { render } from 'preact';
import { storedLanguage } from '../lib/i18n.js';
import { setValidationLanguage } from '../lib/validation-language.js';
import { App } from './app.js';
import { interceptLinks } from './router.js';
import './console.css';

const language = storedLanguage();
document.documentElement.lang = language;
setValidationLanguage(language);
interceptLinks();
render(<App initialLanguage={language} />, document.getElementById('app')!);
