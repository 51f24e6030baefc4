import { Module } from '@nestjs/common';
import { AuthModule } from '@comptoir/platform/auth';
import { AuthController } from './auth/auth.controller';
import { AuthThrottlerGuard } from './auth/auth-throttler.guard';
import { SignupService } from './auth/signup.service';
import { CompanyController } from './company/company.controller';
import { CompanyService } from './company/company.service';
import { EstablishmentController } from './establishment/establishment.controller';
import { EstablishmentService } from './establishment/establishment.service';
import { MeController } from './me/me.controller';
import { OrgDirectory } from './me/org-directory.service';
import { SectorController } from './sector/sector.controller';
import { SectorService } from './sector/sector.service';

@Module({
  imports: [AuthModule],
  controllers: [AuthController, MeController, CompanyController, EstablishmentController, SectorController],
  providers: [SignupService, CompanyService, EstablishmentService, SectorService, OrgDirectory, AuthThrottlerGuard],
  exports: [SignupService, CompanyService, EstablishmentService, SectorService, OrgDirectory],
})
export class OrgModule {}
