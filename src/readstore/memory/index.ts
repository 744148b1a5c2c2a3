export { createMemoryReadStore } from './memory-read-store';
