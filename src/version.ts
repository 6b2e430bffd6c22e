/** Redline's name and version, read from package.json (one level above both src/ and dist/). */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const VERSION: string = pkg.version;

export const TOOL = { name: 'redline', version: VERSION, informationUri: 'https://github.com/redline-go/redline' } as const;
