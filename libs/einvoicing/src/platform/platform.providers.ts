import { SECRET_BOX_PROVIDER } from '@comptoir/banking';
import { EReportingController } from '../ereporting/ereporting.controller';
import { EReportingService } from '../ereporting/ereporting.service';
import { PlatformCallbacks } from './callbacks.service';
import { CashedInHandler } from './cashed-in.handler';
import { FakeEInvoicingPlatform } from './fake/fake-platform';
import { LifecycleService } from './lifecycle.service';
import { PlatformConnections } from './platform-connections';
import { PlatformController } from './platform.controller';
import { SellerStatusService } from './seller-status.service';
import { TransmissionService } from './transmission.service';

/** What submits (the worker too, for autoTransmit): the adapters, the company's connection, the lifecycle. */
const TRANSMISSION_PROVIDERS = [SECRET_BOX_PROVIDER, FakeEInvoicingPlatform, PlatformConnections, LifecycleService, TransmissionService];
/** The worker's side: submitting (autoTransmit) and the 212 cashed in sent when a service invoice is paid. */
export const PLATFORM_WORKER_PROVIDERS = [...TRANSMISSION_PROVIDERS, SellerStatusService, CashedInHandler];
/** The API's side: plus seller statuses, platform callbacks and the e-reporting. */
export const PLATFORM_PROVIDERS = [...TRANSMISSION_PROVIDERS, SellerStatusService, PlatformCallbacks, EReportingService];
export const PLATFORM_CONTROLLERS = [PlatformController, EReportingController];
