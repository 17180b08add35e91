/** The app's release (package.json `version`), set by vite.config.ts for builds and tests alike. */
declare const __APP_VERSION__: string;
