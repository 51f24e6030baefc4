import { DunningController } from './dunning.controller';
import { DunningDigestService } from './dunning-digest.service';
import { DunningHistoryService } from './dunning-history.service';
import { DunningPlanner } from './dunning-planner';
import { DunningRunService } from './dunning-run.service';
import { DunningScheduler } from './dunning-scheduler';
import { DunningStepsService } from './dunning-steps.service';
import { InvoiceDunningController } from './invoice-dunning.controller';

export const DUNNING_CONTROLLERS = [DunningController, InvoiceDunningController];
export const DUNNING_PROVIDERS = [DunningPlanner, DunningStepsService, DunningRunService, DunningHistoryService, DunningDigestService];
/** The worker runs the daily digest (BullMQ job scheduler, or an in-process clock without Redis). */
export const DUNNING_WORKER_PROVIDERS = [DunningPlanner, DunningStepsService, DunningDigestService, DunningScheduler];
