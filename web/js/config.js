// The host writes /config.json (the local cloud, or the publish script in AWS); read it once per page.

import { useTimeZone } from './format.js';

let loading = null;

export function loadConfig() {
  loading ??= fetch('/config.json', { cache: 'no-store', credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) throw new Error(`config.json answered ${response.status}`);
      return response.json();
    })
    .then((config) => {
      if (!config?.apiUrl || !config?.auth?.authorizeUrl) throw new Error('config.json is missing apiUrl or auth');
      if (config.timeZone) useTimeZone(config.timeZone);
      return Object.freeze({ ...config, apiUrl: String(config.apiUrl).replace(/\/+$/, '') });
    })
    .catch((error) => {
      loading = null; // let a later call try again
      throw error;
    });
  return loading;
}
