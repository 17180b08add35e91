/** The one-off Background Sync tag the page registers and the service worker answers (S20). */
export const BACKGROUND_SYNC_TAG = 'rounds-sync';
