import simpleRestProvider from 'ra-data-simple-rest';
import { API_URL, httpClient } from './httpClient';

/** The stock ra-data-simple-rest provider: the API speaks its dialect exactly. */
export const dataProvider = simpleRestProvider(API_URL, httpClient);
