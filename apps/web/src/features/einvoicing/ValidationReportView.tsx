import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../../components/TableHead';
import type { CheckResult, FacturXInspection, ValidationCheck, ValidationIssue, ValidationReport } from './einvoicing-api';

const FLAG_COLORS: Record<ValidationIssue['flag'], string> = { fatal: 'red', warning: 'orange', information: 'gray' };

function IssuesTable({ issues, label }: { issues: ValidationIssue[]; label: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={label} verticalSpacing={4} fz="xs">
        <TableHead columns={[{ label: t('einvoicing.check.rule'), width: 150 }, { label: t('einvoicing.check.location') }, { label: t('einvoicing.check.message') }]} />
        <Table.Tbody>
          {issues.map((issue, i) => (
            <Table.Tr key={`${issue.id}-${i}`}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Badge color={FLAG_COLORS[issue.flag]} variant="light" size="xs" radius="sm">
                    {t(`einvoicing.check.flags.${issue.flag}`)}
                  </Badge>
                  <Text span ff="monospace" size="xs">
                    {issue.id}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                {issue.location}
              </Table.Td>
              <Table.Td>{issue.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One check (an XSD or a schematron): its counts, and its issues folded until asked for. */
function CheckRow({ check }: { check: ValidationCheck }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text size="sm" fw={500}>
            {check.name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {check.artefact}
          </Text>
        </Table.Td>
        <Table.Td>{t(`einvoicing.check.kinds.${check.kind}`)}</Table.Td>
        <Table.Td ta="right" c={check.fatal ? 'red.8' : undefined} fw={check.fatal ? 700 : undefined}>
          {check.fatal}
        </Table.Td>
        <Table.Td ta="right" c={check.warnings ? 'orange.8' : undefined}>
          {check.warnings}
        </Table.Td>
        <Table.Td ta="right">
          {check.issues.length ? (
            <Button variant="subtle" size="compact-xs" onClick={toggle} aria-expanded={opened}>
              {opened ? t('einvoicing.check.hideIssues') : t('einvoicing.check.showIssues', { count: check.issues.length })}
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              {t('einvoicing.check.noIssues')}
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      {opened ? (
        <Table.Tr>
          <Table.Td colSpan={5} p={0} bg="gray.0">
            <IssuesTable issues={check.issues} label={`${t('einvoicing.check.issues')} — ${check.name}`} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}

function ReportSection({ title, report }: { title: string; report: ValidationReport }) {
  const { t } = useTranslation();
  const fatal = report.checks.reduce((sum, c) => sum + c.fatal, 0);
  const warnings = report.checks.reduce((sum, c) => sum + c.warnings, 0);
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="sm" fw={650}>
          {title}{' '}
          <Text span size="xs" c="dimmed">
            {report.profile}
          </Text>
        </Title>
        <Badge color={report.valid ? 'teal' : 'red'} variant="light">
          {report.valid ? t('einvoicing.check.valid') : t('einvoicing.check.invalid')}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('einvoicing.check.summary', { fatal, warnings, duration: report.durationMs })}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label={`${t('einvoicing.check.checks')} — ${title}`} verticalSpacing={4}>
          <TableHead
            columns={[
              { label: t('einvoicing.check.artefact') },
              { label: t('einvoicing.check.kinds.xsd') + ' / ' + t('einvoicing.check.kinds.schematron'), width: 120 },
              { label: t('einvoicing.check.fatal'), align: 'right', width: 80 },
              { label: t('einvoicing.check.warnings'), align: 'right', width: 120 },
              { label: t('einvoicing.check.issues'), align: 'right', width: 180 },
            ]}
          />
          <Table.Tbody>
            {report.checks.map((check) => (
              <CheckRow key={`${check.kind}-${check.artefact}`} check={check} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** What a PDF/A-3 checker looks at first: no PDF/A validator runs here, so the structure is shown as read. */
function PdfInspection({ pdf }: { pdf: FacturXInspection }) {
  const { t } = useTranslation();
  const embeddedFonts = pdf.fonts.filter((f) => f.embedded).length;
  const rows: [string, string, boolean][] = [
    [t('einvoicing.check.pdf.pdfa'), pdf.pdfaPart ? `PDF/A-${pdf.pdfaPart}${pdf.pdfaConformance ?? ''}` : '—', pdf.pdfaPart === 3],
    [t('einvoicing.check.pdf.facturx'), [pdf.facturX.conformanceLevel, pdf.facturX.version].filter(Boolean).join(' · ') || '—', pdf.facturXSchemaDeclared && Boolean(pdf.facturX.conformanceLevel)],
    [t('einvoicing.check.pdf.attachment'), pdf.attachment ? `${pdf.attachment.name} (${pdf.attachment.afRelationship ?? '—'})` : '—', Boolean(pdf.attachment?.inCatalogAF)],
    [t('einvoicing.check.pdf.outputIntent'), pdf.outputIntent ? (pdf.outputIntent.outputConditionIdentifier ?? pdf.outputIntent.subtype) : '—', Boolean(pdf.outputIntent)],
    [t('einvoicing.check.pdf.fonts'), t('einvoicing.check.pdf.fontsEmbedded', { embedded: embeddedFonts, count: pdf.fonts.length }), embeddedFonts === pdf.fonts.length],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-label={t('einvoicing.check.pdf.title')}>
      <Title order={3} fz="sm" fw={650} mb="xs">
        {t('einvoicing.check.pdf.title')}
      </Title>
      <Table verticalSpacing={4}>
        <Table.Tbody>
          {rows.map(([label, value, ok]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={220} fw={500} fz="sm">
                {label}
              </Table.Th>
              <Table.Td fz="sm">{value}</Table.Td>
              <Table.Td w={60}>
                <Badge color={ok ? 'teal' : 'red'} variant="light" size="xs" radius="sm">
                  {ok ? t('einvoicing.check.pdf.ok') : t('einvoicing.check.pdf.missing')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The validation report of each syntax the document is served in, and the Factur-X PDF's structure. */
export function ValidationReportView({ result }: { result: CheckResult }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <ReportSection title={t('einvoicing.formats.cii')} report={result.cii} />
      <ReportSection title={t('einvoicing.formats.ubl')} report={result.ubl} />
      <PdfInspection pdf={result.facturx.pdf} />
      {result.facturx.xml ? <ReportSection title={t('einvoicing.check.facturxXml')} report={result.facturx.xml} /> : null}
    </Stack>
  );
}
