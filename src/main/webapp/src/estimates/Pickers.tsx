import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { useCustomers, useProducts } from './queries';

interface PickerProps {
  label: string;
  placeholder: string;
  value: string;
  /** How the chosen item reads before any search ran (a revised estimate's customer, say). */
  chosenLabel?: string;
  onChange: (code: string, label: string) => void;
  error?: string;
  testId: string;
}

interface Option {
  value: string;
  label: string;
}

/**
 * A choice from the catalog, searched on the server as the salesperson types: Korean names match with or without
 * their spaces there, which a filter in the browser would not know. The browser therefore filters nothing itself.
 */
function CatalogPicker({ label, placeholder, value, chosenLabel, onChange, error, testId, useOptions }: PickerProps & {
  useOptions: (text: string) => { options: Option[]; loading: boolean };
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Option | null>(value ? { value, label: chosenLabel ?? value } : null);
  const [searched] = useDebouncedValue(search, 200);
  const found = useOptions(chosen && search === chosen.label ? '' : searched);
  const options = chosen && !found.options.some((option) => option.value === chosen.value) ? [chosen, ...found.options] : found.options;
  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options}
      value={value || null}
      onChange={(code, option) => {
        setChosen(option);
        onChange(code ?? '', option?.label ?? '');
      }}
      nothingFoundMessage={found.loading ? t('preview.pending') : t('editor.nothingFound')}
      error={error}
      size="md"
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function useCustomerOptions(text: string) {
  const customers = useCustomers(text);
  return {
    loading: customers.isFetching,
    options: (customers.data?.content ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
  };
}

function useProductOptions(text: string) {
  const products = useProducts(text);
  return {
    loading: products.isFetching,
    options: (products.data?.content ?? []).map((p) => ({
      value: p.code,
      label: `${p.name}${p.spec ? ` ${p.spec}` : ''} (${p.code})`,
    })),
  };
}

export function CustomerPicker(props: PickerProps) {
  return <CatalogPicker {...props} useOptions={useCustomerOptions} />;
}

export function ProductPicker(props: PickerProps) {
  return <CatalogPicker {...props} useOptions={useProductOptions} />;
}
