import { DunningEventEntity } from './dunning-event.entity';
import { DunningRunEntity } from './dunning-run.entity';
import { DunningSettingsEntity } from './dunning-settings.entity';
import { DunningStepEntity } from './dunning-step.entity';

export * from './dunning-step.entity';
export * from './dunning-event.entity';
export * from './dunning-run.entity';
export * from './dunning-settings.entity';
export * from './dunning-planner';
export * from './dunning-defaults';
export * from './seed-dunning-demo';
export { DunningScheduler, DUNNING_QUEUE } from './dunning-scheduler';

export const DUNNING_ENTITIES = [DunningSettingsEntity, DunningStepEntity, DunningRunEntity, DunningEventEntity];
