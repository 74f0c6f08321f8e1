// The start page: signed-in people go straight to the page for their role.

import { $ } from './dom.js';
import { startPage } from './page.js';
import { homeFor } from './auth.js';

async function main() {
  const context = await startPage();
  if (!context) return; // the welcome and the Sign in button are showing
  const home = homeFor(context.user.groups);
  if (home) {
    location.replace(home);
    return;
  }
  $('#redirecting').hidden = true;
  $('#no-role').hidden = false;
}

main();
