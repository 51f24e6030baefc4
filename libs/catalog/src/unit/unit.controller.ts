import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '@comptoir/platform/auth';
import { ApiProblems } from '@comptoir/platform/http';
import { UNIT_CODES, UNITS } from './units';

export class UnitDto {
  @ApiProperty({ enum: UNIT_CODES, example: 'month' })
  code: string;

  @ApiProperty({ example: 'Mois' })
  label: string;

  @ApiProperty({ nullable: true, type: String, example: 'period', description: 'Units of the same dimension convert into each other; null: no conversion' })
  dimension: string | null;

  @ApiProperty({ example: 1, description: 'How many base units of the dimension one unit holds (year = 12 months)' })
  factor: number;

  @ApiProperty({ example: 'MON', description: 'UN/ECE Recommendation 20 code, as EN 16931 invoices carry it (BT-130)' })
  uneceCode: string;
}

export class UnitListDto {
  @ApiProperty({ type: [UnitDto] })
  data: UnitDto[];
}

@ApiTags('Units')
@ApiBearerAuth()
@Controller('v1/units')
export class UnitController {
  @Get()
  @RequireScope('catalog:read')
  @ApiOperation({ operationId: 'listUnits', summary: 'List the units products are sold in, with their conversions (a monthly price sold per year is ×12)' })
  @ApiOkResponse({ type: UnitListDto })
  @ApiProblems(401, 403)
  list(): UnitListDto {
    return { data: UNITS.map((u) => ({ ...u })) };
  }
}
