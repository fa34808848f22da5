import { Badge } from '@mantine/core';
import { useI18n } from '../i18n/I18n';
import type { EstimateStatus } from './queries';

// dark shades: white text on them keeps WCAG's 4.5:1 (axe)
const COLORS: Record<EstimateStatus, string> = {
  DRAFT: 'gray.8',
  SUBMITTED: 'blue.9',
  CHANGES_REQUESTED: '#a8410d',
  APPROVED: 'teal.9',
  REJECTED: 'red.9',
  SENT: 'indigo.9',
  WON: '#1f6e30',
  LOST: 'dark.6',
  EXPIRED: 'gray.8',
  WITHDRAWN: 'gray.8',
};

export function StatusBadge({ status }: { status: EstimateStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={COLORS[status]} variant="filled" data-testid="status">
      {t(`status.${status}`)}
    </Badge>
  );
}
