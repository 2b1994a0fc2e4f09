export const ROOT: string;
export function buildServer(options?: { force?: boolean }): boolean;
export function buildWeb(options?: { force?: boolean }): boolean;
