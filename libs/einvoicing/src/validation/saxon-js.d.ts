/** The part of SaxonJS 2 (no published types) that the validator uses. */
declare module 'saxon-js' {
  interface TransformOptions {
    stylesheetInternal: unknown;
    sourceText: string;
    destination: 'raw';
  }
  export function transform(options: TransformOptions, mode: 'sync'): { principalResult: unknown };
  export function getProcessorInfo(): { productVersion: string };
  export const XPath: {
    evaluate(xpath: string, context: unknown, options: { namespaceContext: Record<string, string>; resultForm: 'array' }): unknown[];
  };
}
