/**
 * Signs each demo user the specs work as in once, through the form, and stores the session for
 * this run's server (sessionOf): the specs start signed in instead of signing in again and again.
 */
import { test as setup } from "@playwright/test";
import { login, SESSION_USERS, sessionOf } from "./support";

for (const username of SESSION_USERS) {
  setup(`sign in as ${username}`, async ({ page }) => {
    await login(page, username);
    await page.context().storageState({ path: sessionOf(username) });
  });
}
