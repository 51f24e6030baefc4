import * as SaxonJS from 'saxon-js';
import { ValidationIssue } from './validation-report';

const SVRL_NAMESPACE = 'http://purl.oclc.org/dsdl/svrl';

/** One map per fired assertion/report, read with the same engine that produced the SVRL tree. */
const FINDINGS = `descendant-or-self::node()/(svrl:failed-assert | svrl:successful-report) ! map {
  'id': string(@id), 'flag': string(@flag), 'location': string(@location), 'test': string(@test), 'text': normalize-space(string-join(svrl:text, ' '))
}`;

interface Finding {
  id: string;
  flag: string;
  location: string;
  test: string;
  text: string;
}

/**
 * The issues of an SVRL report (the result tree of a schematron XSLT, never serialized): every
 * svrl:failed-assert and svrl:successful-report. An absent flag is fatal, as the EN 16931 and
 * Factur-X schematrons mean it; an unknown one too, to err on the safe side.
 */
export function svrlIssues(svrl: unknown): ValidationIssue[] {
  const findings = SaxonJS.XPath.evaluate(FINDINGS, svrl, { namespaceContext: { svrl: SVRL_NAMESPACE }, resultForm: 'array' }) as Finding[];
  return findings.map((finding) => ({
    id: finding.id || /^\[([^\]]+)\]/.exec(finding.text)?.[1] || 'schematron',
    flag: finding.flag === 'warning' || finding.flag === 'information' ? finding.flag : 'fatal',
    location: finding.location,
    message: finding.text,
    test: finding.test || undefined,
  }));
}
