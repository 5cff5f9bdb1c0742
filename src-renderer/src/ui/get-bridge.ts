/** The preload bridge, or undefined in a plain browser (tests, or a locked-down PC). */
import type { ArchiveBridge } from '../../../src-shared/bridge';

export function getBridge(): ArchiveBridge | undefined {
  return (window as Window & { archive?: ArchiveBridge }).archive;
}
