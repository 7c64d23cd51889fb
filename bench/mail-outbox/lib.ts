// What the mail outbox benchmark runs, bundled by run.mjs (vite SSR build) so
// plain Node can load the TypeScript.
export { Outbox } from '../../src/main/services/mail/outbox';
export { startMailServer, mailAccounts } from '../../tests/support/mail-server';
