import { Anchor, Button, Group, Pagination, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { day } from '../format/dates';
import { won } from '../format/money';
import { useI18n } from '../i18n/I18n';
import { STATUSES, useEstimates, type EstimateStatus, type ListFilters } from './queries';
import { StatusBadge } from './StatusBadge';
import { ScrollableTable } from '../components/ScrollableTable';

const SORTS = { newest: 'createdAt,desc', total: 'total,desc', number: 'number,asc' } as const;
type SortName = keyof typeof SORTS;

/** The filters live in the address, so a filtered list can be bookmarked, shared and gone back to. */
function filtersOf(params: URLSearchParams): ListFilters & { sortName: SortName } {
  const sortName = (params.get('sort') ?? 'newest') as SortName;
  return {
    q: params.get('q') ?? '',
    status: (params.get('status') ?? '') as EstimateStatus | '',
    createdFrom: params.get('from') ?? '',
    createdTo: params.get('to') ?? '',
    sortName: sortName in SORTS ? sortName : 'newest',
    sort: SORTS[sortName in SORTS ? sortName : 'newest'],
    page: Math.max(0, Number(params.get('page') ?? 1) - 1) || 0,
  };
}

export function EstimateList() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const [typed, setTyped] = useState(filters.q);
  const [searched] = useDebouncedValue(typed, 300);
  const estimates = useEstimates(filters);

  const change = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
    }
    if (name !== 'page') {
      next.delete('page');
    }
    setParams(next, { replace: true });
  };
  useEffect(() => {
    if (searched !== filters.q) {
      change('q', searched.trim());
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searched]);

  const page = estimates.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.estimates')}</Title>
        <Button component={Link} to="/estimates/new" size="md">
          {t('estimates.new')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
        <TextInput
          label={t('estimates.search')}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          type="search"
          size="md"
        />
        <Select
          label={t('estimates.status')}
          value={filters.status}
          onChange={(value) => change('status', value ?? '')}
          data={[{ value: '', label: t('estimates.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          allowDeselect={false}
          size="md"
        />
        <TextInput label={t('estimates.from')} type="date" value={filters.createdFrom} onChange={(e) => change('from', e.currentTarget.value)} size="md" />
        <TextInput label={t('estimates.to')} type="date" value={filters.createdTo} onChange={(e) => change('to', e.currentTarget.value)} size="md" />
        <Select
          label={t('estimates.sort')}
          value={filters.sortName}
          onChange={(value) => change('sort', value === 'newest' ? '' : (value ?? ''))}
          data={(Object.keys(SORTS) as SortName[]).map((name) => ({ value: name, label: t(`estimates.sort.${name}`) }))}
          allowDeselect={false}
          size="md"
        />
      </SimpleGrid>
      {estimates.isError && (
        <Text role="alert" c="red.9">
          {estimates.error.message}
        </Text>
      )}
      <Stack
        data-testid="estimate-results"
        aria-busy={estimates.isFetching}
        // the text the shown list answers; none while the last search's list stands in for the next one's
        data-searched={estimates.isPlaceholderData ? undefined : filters.q}
      >
        {page && page.content.length === 0 && <Text>{t('estimates.none')}</Text>}
        {page && page.content.length > 0 && (
          <>
            <ScrollableTable minWidth={560}>
              <Table highlightOnHover verticalSpacing="sm" data-testid="estimate-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('estimate.number')}</Table.Th>
                    <Table.Th>{t('estimate.customer')}</Table.Th>
                    <Table.Th>{t('estimates.status')}</Table.Th>
                    <Table.Th ta="right">{t('estimate.total')}</Table.Th>
                    <Table.Th>{t('estimate.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.content.map((estimate) => (
                    <Table.Tr key={estimate.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/estimates/${estimate.id}`}>
                          {estimate.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{estimate.customerName}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={estimate.status} />
                      </Table.Td>
                      <Table.Td ta="right">{won(estimate.total)}</Table.Td>
                      <Table.Td>{day(estimate.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollableTable>
            <Group justify="space-between">
              <Text size="sm">
                {page.page.totalElements} {t('estimates.count')}
              </Text>
              {page.page.totalPages > 1 && (
                <Pagination
                  total={page.page.totalPages}
                  value={filters.page + 1}
                  onChange={(value) => change('page', String(value))}
                  size="lg"
                />
              )}
            </Group>
          </>
        )}
      </Stack>
    </Stack>
  );
}
