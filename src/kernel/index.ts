/**
 * What notebook cells import for display: `import { show } from 'memscope/kernel'`.
 * Importing it also makes a Timeline that ends a cell show itself (see enableAutoDisplay).
 */
import { enableAutoDisplay } from './display';

export { interruptible } from './interrupt';
export { show, displayBundle, displayBundleSync, enableAutoDisplay, disableAutoDisplay, kernelChannel, type ShowOptions, type DisplayData } from './display';

enableAutoDisplay();
