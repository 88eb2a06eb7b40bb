import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { en } from './en';

// react-admin's defaults speak of "elements" and the developer console; these say what a person can do next.
const ra = englishMessages.ra;
const messages = {
  ...englishMessages,
  ...en,
  ra: {
    ...ra,
    auth: { ...ra.auth, username: 'Email', user_menu: 'Account menu' },
    page: {
      ...ra.page,
      empty: 'No %{name} yet',
      invite: 'Add the first one with the button below.',
      not_found: 'Page not found',
      // A record's page is called by the record's name, its edit page the same with "Edit" before it.
      show: '%{recordRepresentation}',
      edit: 'Edit %{recordRepresentation}',
      error: 'Something went wrong',
    },
    message: {
      ...ra.message,
      not_found: 'This address leads nowhere. Use the menu to find what you were looking for.',
      error: 'This page could not be shown. Reload it; if it happens again, tell your district’s Emerge administrator.',
      invalid_form: 'Some fields need attention: see the messages under them.',
    },
    navigation: {
      ...ra.navigation,
      no_results: 'No %{name} to show',
      no_filtered_results: 'No %{name} match these filters. Clear a filter or search for something else.',
      no_more_results: 'There is no page %{page}. Go back to the previous page.',
    },
    notification: {
      ...ra.notification,
      created: 'Saved',
      updated: 'Saved',
      deleted: 'Deleted |||| %{smart_count} deleted',
      bad_item: 'This record could not be read. Reload the page.',
      item_doesnt_exist: 'This record does not exist, or is not yours to see. Go back to the list.',
      http_error: 'The server could not be reached. Check your connection and try again.',
      data_provider_error: 'The server could not be reached. Check your connection and try again.',
      offline: 'You are offline. Reconnect and try again.',
      not_authorized: 'Your role cannot open this page.',
      logged_out: 'You have been signed out. Sign in again to go on.',
    },
  },
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], {
  allowMissing: true,
});
