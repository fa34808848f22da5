import { Group, Stack, Table, Text } from '@mantine/core';
import type { Schemas } from '../api/http';
import { won } from '../format/money';
import { useI18n } from '../i18n/I18n';
import { ScrollableTable } from '../components/ScrollableTable';

type Priced = Pick<
  Schemas['PricePreview'],
  'items' | 'subtotal' | 'discountRate' | 'discountAmount' | 'supplyAmount' | 'vat' | 'total'
> & { totalInWords?: string };

/** Each line's waterfall (list → contract → volume discount → line discount → net) and the quotation's totals. */
export function PriceBreakdown({ priced }: { priced: Priced }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm">
      <ScrollableTable minWidth={720}>
        <Table striped withTableBorder fz="sm" data-testid="price-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('price.product')}</Table.Th>
              <Table.Th ta="right">{t('price.quantity')}</Table.Th>
              <Table.Th ta="right">{t('price.listPrice')}</Table.Th>
              <Table.Th ta="right">{t('price.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('price.gross')}</Table.Th>
              <Table.Th ta="right">{t('price.tierDiscount')}</Table.Th>
              <Table.Th ta="right">{t('price.lineDiscount')}</Table.Th>
              <Table.Th ta="right">{t('price.net')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {priced.items.map((line) => (
              <Table.Tr key={line.lineNo}>
                <Table.Td>
                  <Text size="sm">{line.productName}</Text>
                  <Text size="xs" c="gray.7">
                    {line.productCode}
                    {line.spec ? ` · ${line.spec}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {line.quantity} {line.unit}
                </Table.Td>
                <Table.Td ta="right">{won(line.listPrice)}</Table.Td>
                <Table.Td ta="right">{won(line.unitPrice)}</Table.Td>
                <Table.Td ta="right">{won(line.grossAmount)}</Table.Td>
                <Table.Td ta="right">{discount(line.tierDiscountRate, line.tierDiscountAmount)}</Table.Td>
                <Table.Td ta="right">{discount(line.discountRate, line.discountAmount)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {won(line.netAmount)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollableTable>
      <Stack gap={4} maw={360} ml="auto" w="100%" data-testid="price-totals">
        <Total label={t('price.subtotal')} amount={priced.subtotal} />
        {priced.discountAmount > 0 && (
          <Total label={`${t('price.estimateDiscount')} ${priced.discountRate}%`} amount={-priced.discountAmount} />
        )}
        <Total label={t('price.supply')} amount={priced.supplyAmount} />
        <Total label={t('price.vat')} amount={priced.vat} />
        <Total label={t('price.total')} amount={priced.total} strong testId="total" />
        {priced.totalInWords && (
          <Text size="sm" ta="right" data-testid="total-in-words">
            {priced.totalInWords}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

function discount(rate: number | null | undefined, amount: number | null | undefined) {
  return rate ? `${rate}% (−${won(amount)})` : '—';
}

function Total({ label, amount, strong, testId }: { label: string; amount: number; strong?: boolean; testId?: string }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm" fw={strong ? 700 : 400}>
        {label}
      </Text>
      <Text size={strong ? 'lg' : 'sm'} fw={strong ? 700 : 400} data-testid={testId}>
        {won(amount)}
      </Text>
    </Group>
  );
}
