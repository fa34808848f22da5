import { Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { won } from '../format/money';
import { useI18n } from '../i18n/I18n';
import { usePrediction } from './queries';

/** The win model's probability and the prices that stand out against earlier quotes, as the approver sees them. */
export function WinScore({ id }: { id: number }) {
  const { t } = useI18n();
  const prediction = usePrediction(id);
  return (
    <Stack gap="xs" data-testid="win-score">
      <Title order={3} size="h4">
        {t('score.title')}
      </Title>
      {!prediction.data ? (
        <Text size="sm">{prediction.isError ? t('score.unavailable') : t('page.loading')}</Text>
      ) : (
        <>
          <Group gap="sm">
            <Text fw={700} size="lg" data-testid="win-probability">
              {Math.round(prediction.data.winProbability * 100)}%
            </Text>
            <Progress value={prediction.data.winProbability * 100} w={160} aria-label={t('score.title')} />
            <Text size="xs" c="gray.7">
              {prediction.data.model} v{prediction.data.modelVersion}
            </Text>
          </Group>
          <Text size="sm" fw={600}>
            {t('score.anomalies')}
          </Text>
          {prediction.data.anomalies.length === 0 ? (
            <Text size="sm">{t('score.noAnomaly')}</Text>
          ) : (
            <List size="sm" data-testid="anomalies">
              {prediction.data.anomalies.map((anomaly) => (
                <List.Item key={`${anomaly.productCode}-${anomaly.kind}`}>
                  {anomaly.productCode}: {won(anomaly.value)} ({t('score.band')} {won(anomaly.low)}–{won(anomaly.high)})
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </Stack>
  );
}
