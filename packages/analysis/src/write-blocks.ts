import type { Block, RenderOptions } from './document.js';
import { writeMarkdown } from './write-markdown.js';
import { writeText } from './write-text.js';

/** Writes blocks in the format the options ask for. */
export function writeBlocks(blocks: readonly Block[], options: RenderOptions): string {
  return options.format === 'markdown' ? writeMarkdown(blocks) : writeText(blocks, options);
}
