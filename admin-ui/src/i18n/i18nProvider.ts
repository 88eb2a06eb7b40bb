import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { en } from './en';

const messages = {
  ...englishMessages,
  ...en,
  ra: {
    ...englishMessages.ra,
    auth: { ...englishMessages.ra.auth, username: 'Email' },
    page: { ...englishMessages.ra.page, empty: 'Nothing here yet' },
    notification: { ...englishMessages.ra.notification, created: 'Saved', updated: 'Saved' },
  },
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], {
  allowMissing: true,
});
