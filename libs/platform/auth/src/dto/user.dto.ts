import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from '@comptoir/platform/kernel';

export class UserResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'claire.martin@example.fr' })
  email: string;

  @ApiProperty({ example: 'Claire Martin' })
  name: string;

  @ApiProperty({ enum: ROLES, type: String, nullable: true, example: 'sales', description: 'Role in the current company (null: none)' })
  role: Role | null;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt: string;
}

export class UserListResponseDto {
  @ApiProperty({ type: [UserResponseDto] })
  data: UserResponseDto[];
}

export class InviteUserDto {
  @ApiProperty({ example: 'paul.durand@example.fr' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', example: 'sales' })
  @IsIn(ROLES)
  role: Role;
}

export class InvitationResponseDto {
  @ApiProperty({ format: 'uuid', example: '01934567-89ab-7cde-8f01-23456789abcd' })
  id: string;

  @ApiProperty({ example: 'paul.durand@example.fr' })
  email: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', example: 'sales' })
  role: Role;

  @ApiProperty({ example: '2026-11-30T10:00:00.000Z' })
  expiresAt: string;
}

export class InvitationListResponseDto {
  @ApiProperty({ type: [InvitationResponseDto] })
  data: InvitationResponseDto[];
}

export class SetRoleDto {
  @ApiProperty({ enum: ROLES, enumName: 'Role', example: 'manager' })
  @IsIn(ROLES)
  role: Role;
}

export class AcceptInvitationDto {
  @ApiProperty({ example: 'b2Fk...token-from-the-email' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token: string;

  @ApiProperty({ example: 'Paul Durand' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'correct horse battery staple', minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'claire.martin@example.fr' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'b2Fk...token-from-the-email' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token: string;

  @ApiProperty({ example: 'correct horse battery staple', minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}
