/** Every simulated provider; the server mounts each one under `/<name>`. */
import type { ProviderFactory } from '../provider';
import { feeds } from './feeds';
import { irisEngage } from './irisengage';
import { mehery } from './mehery';

export const providerFactories: ProviderFactory[] = [irisEngage, feeds, mehery];
