import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, { description: string; code: string; detail: string }> = {
  400: { description: 'The request does not match the schema', code: 'validation_failed', detail: 'The request is invalid' },
  401: { description: 'Missing or invalid credentials', code: 'unauthenticated', detail: 'Authentication is required' },
  403: { description: 'The role or API-key scope forbids it', code: 'forbidden', detail: 'You are not allowed to do this' },
  404: { description: 'Absent, or belongs to another tenant', code: 'not_found', detail: 'Account not found' },
  409: { description: 'The resource state or a unique value forbids it', code: 'already_exists', detail: 'A record with the same unique value already exists' },
  422: { description: 'Well-formed but breaks a business rule', code: 'business_rule', detail: 'The request breaks a business rule' },
  429: { description: 'Throttled', code: 'rate_limited', detail: 'Too many requests, slow down' },
  501: { description: 'An optional part of this server is not installed', code: 'standards_unavailable', detail: 'E-invoice validation is unavailable: the official XSDs and schematrons are not installed (COMPTOIR_STANDARDS_DIR)' },
  502: { description: 'A third party (the e-invoicing platform) refused or could not be reached; retry later', code: 'einvoice_submission_failed', detail: 'The platform did not accept the e-invoice (it can be submitted again): connection refused' },
  503: { description: 'A dependency of the server is unavailable; retry later', code: 'pdf_renderer_unavailable', detail: 'PDF rendering is unavailable' },
};

/** Declares the problem+json error responses of an operation, with an example for each. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) => {
      const d = DESCRIPTIONS[status]!;
      return ApiResponse({
        status,
        description: d.description,
        content: {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/ProblemDto' },
            example: { type: `https://comptoir.dev/problems/${d.code}`, title: 'Error', status, detail: d.detail, code: d.code },
          },
        },
      });
    }),
  );
}
