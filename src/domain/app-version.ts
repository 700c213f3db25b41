declare const __HELPTENT_VERSION__: string | undefined;

/** Version and build stamp baked in by the build (vite `define`); "dev" when run from source. */
export const appVersion: string = typeof __HELPTENT_VERSION__ === 'string' ? __HELPTENT_VERSION__ : 'dev';
