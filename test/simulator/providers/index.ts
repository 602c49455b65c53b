/** Every simulated provider; the server mounts each one under `/<name>`. */
import type { ProviderFactory } from '../provider';
import { ctLive } from './ctlive';
import { feeds } from './feeds';
import { irisEngage } from './irisengage';
import { mehery } from './mehery';
import { netcore } from './netcore';
import { wavy } from './wavy';

export const providerFactories: ProviderFactory[] = [irisEngage, feeds, ctLive, netcore, mehery, wavy];
