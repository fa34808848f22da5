package com.kis.estimator.ai.analysis;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

import com.kis.estimator.ai.anomaly.PriceBand;
import com.kis.estimator.ai.history.TrainingData;
import com.kis.estimator.ai.history.TrainingData.Closed;

/**
 * What the closed estimates of a customer, a product or a period say: how often they were won, at what
 * discounts, how discount relates to winning, how long approval took, and which were discounted unlike the
 * rest. Read from the same history the model learns from, and from Camunda's history of the approvals.
 */
@Service
public class HistoryAnalysis {

    public record Analysis(String scope, String subject, int closedEstimates, int won, Double winRate,
            Double averageDiscountPercent, DiscountEffect discountVsWinning, CycleTime approvalCycle,
            List<Outlier> outliers, boolean includesSynthetic) {
    }

    /** Mean discount of won and of lost estimates, and the win rate per band of discount. */
    public record DiscountEffect(Double wonAverageDiscount, Double lostAverageDiscount, List<Bucket> buckets) {
    }

    public record Bucket(double fromPercent, Double toPercent, int estimates, double winRate) {
    }

    /** From submission to approval, over the approvals found in Camunda's history. */
    public record CycleTime(int approvals, double medianHours, double p90Hours) {
    }

    /** A closed estimate whose largest discount lies outside the subject's usual band. */
    public record Outlier(String estimateNumber, double maxDiscountPercent, boolean won, double median, double low,
            double high) {
    }

    private static final double[] BUCKETS = {0, 5, 10, 15, 20};
    private static final int MOST_RECENT_APPROVALS = 500;

    private final TrainingData history;
    private final HistoryService camunda;

    HistoryAnalysis(TrainingData history, HistoryService camunda) {
        this.history = history;
        this.camunda = camunda;
    }

    public Analysis customer(String code) {
        return analyse("customer", code, history.ofCustomer(code));
    }

    public Analysis product(String code) {
        return analyse("product", code, history.ofProduct(code));
    }

    /** Closed from the start of {@code from} to the end of {@code to}, Korean time. */
    public Analysis period(LocalDate from, LocalDate to) {
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        return analyse("period", from + ".." + to, history.between(from.atStartOfDay(seoul).toInstant(),
                to.plusDays(1).atStartOfDay(seoul).toInstant()));
    }

    private Analysis analyse(String scope, String subject, List<Closed> closed) {
        int won = (int) closed.stream().filter(Closed::won).count();
        double[] discounts = closed.stream().mapToDouble(Closed::maxDiscountPercent).toArray();
        return new Analysis(scope, subject, closed.size(), won, closed.isEmpty() ? null : round((double) won / closed.size()),
                closed.isEmpty() ? null : round(Arrays.stream(discounts).average().orElse(0)), effect(closed),
                cycleTime(closed), outliers(closed, discounts), closed.stream().anyMatch(Closed::synthetic));
    }

    private static DiscountEffect effect(List<Closed> closed) {
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < BUCKETS.length; i++) {
            double from = BUCKETS[i];
            Double to = i + 1 < BUCKETS.length ? BUCKETS[i + 1] : null;
            List<Closed> in = closed.stream().filter(c -> c.maxDiscountPercent() >= from
                    && (to == null || c.maxDiscountPercent() < to)).toList();
            if (!in.isEmpty()) {
                buckets.add(new Bucket(from, to, in.size(),
                        round((double) in.stream().filter(Closed::won).count() / in.size())));
            }
        }
        return new DiscountEffect(mean(closed, true), mean(closed, false), buckets);
    }

    private static Double mean(List<Closed> closed, boolean won) {
        return closed.stream().filter(c -> c.won() == won).mapToDouble(Closed::maxDiscountPercent).average()
                .stream().boxed().map(HistoryAnalysis::round).findFirst().orElse(null);
    }

    private CycleTime cycleTime(List<Closed> closed) {
        String[] numbers = closed.stream().map(Closed::estimateNumber).filter(Objects::nonNull)
                .skip(Math.max(0, closed.size() - MOST_RECENT_APPROVALS)).toArray(String[]::new);
        if (numbers.length == 0) {
            return null;
        }
        List<Double> hours = new ArrayList<>();
        for (HistoricProcessInstance approval : camunda.createHistoricProcessInstanceQuery()
                .processDefinitionKey("estimate-approval").processInstanceBusinessKeyIn(numbers).list()) {
            List<HistoricActivityInstance> approved = camunda.createHistoricActivityInstanceQuery()
                    .processInstanceId(approval.getId()).activityId("MarkApproved").list();
            approved.stream().map(HistoricActivityInstance::getStartTime).min(java.util.Comparator.naturalOrder())
                    .ifPresent(at -> hours.add(Duration.between(approval.getStartTime().toInstant(), at.toInstant())
                            .toMillis() / 3_600_000.0));
        }
        if (hours.isEmpty()) {
            return null;
        }
        double[] sorted = hours.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new CycleTime(sorted.length, round(sorted[sorted.length / 2]),
                round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.9) - 1)]));
    }

    private static List<Outlier> outliers(List<Closed> closed, double[] discounts) {
        PriceBand band = PriceBand.of(discounts, 1.0);
        if (band == null) {
            return List.of();
        }
        return closed.stream().filter(c -> !band.contains(c.maxDiscountPercent()))
                .map(c -> new Outlier(c.estimateNumber(), c.maxDiscountPercent(), c.won(), band.median(), band.low(),
                        band.high()))
                .limit(50).toList();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
