/** The application version, shown in the health check and the API document. */
export const APP_VERSION = '0.1.0';
