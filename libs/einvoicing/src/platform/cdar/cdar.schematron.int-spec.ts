import * as SaxonJS from 'saxon-js';
import { standardsFile, standardsSuiteTitle } from '@comptoir/platform/standards';
import { compiledStylesheet } from '../../validation/compiled-stylesheets';
import { svrlIssues } from '../../validation/svrl';
import { writeCdar } from './cdar-writer';
import { message, SAMPLES, status } from './cdar.fixtures';

const XSLT = ['facturx', 'fnfe-france-rfe', 'FNFE_RFE_INVOICE', 'CDAR', '2xslt', 'BR-FR-CDV-Schematron-CDAR.xslt'];
const xslt = standardsFile(...XSLT);

/** The fatal findings of the French lifecycle schematron (BR-FR-CDV) on one message. */
async function fatal(xml: string): Promise<string[]> {
  const stylesheet = await compiledStylesheet(xslt ?? '');
  const svrl = SaxonJS.transform({ stylesheetInternal: stylesheet, sourceText: xml, destination: 'raw' }, 'sync').principalResult;
  return svrlIssues(svrl)
    .filter((issue) => issue.flag === 'fatal')
    .map((issue) => issue.id);
}

(xslt ? describe : describe.skip)(standardsSuiteTitle('CDAR messages against the BR-FR-CDV schematron', xslt, ...XSLT), () => {
  it.each(SAMPLES.map((s) => [s.code, s] as const))('status %s has no fatal finding', async (_code, s) => {
    await expect(fatal(writeCdar(message(s)))).resolves.toEqual([]);
  }, 120_000);

  it('the schematron can fail: a refusal without its reason breaks BR-FR-CDV-15, a 212 without amounts BR-FR-CDV-14', async () => {
    await expect(fatal(writeCdar(message(status(210))))).resolves.toContain('BR-FR-CDV-15_MDT-113');
    await expect(fatal(writeCdar(message(status(212))))).resolves.toContain('BR-FR-CDV-14_MDT-207');
  }, 120_000);
});
