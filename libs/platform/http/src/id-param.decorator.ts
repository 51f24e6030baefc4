import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from '@comptoir/platform/kernel';

/** A path id that must be a UUID; anything else is a 400 naming the parameter, never a database error. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({ exceptionFactory: () => new ValidationFailedError([{ path: name, message: `${name} must be a UUID` }]) }),
  );
