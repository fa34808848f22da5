package com.kis.estimator.ai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import com.kis.estimator.KeycloakTestServer;
import com.kis.estimator.KisEstimatorApplication;
import com.kis.estimator.PostgresTestDatabase;
import com.kis.estimator.ai.features.FeatureSchema;
import com.kis.estimator.ai.history.TrainingData;
import com.kis.estimator.ai.model.SavedModelWriter;
import com.kis.estimator.ai.registry.ModelTraining;
import com.kis.estimator.ai.serving.DjlWinModel;
import com.kis.estimator.ai.serving.WinPredictions;
import com.kis.estimator.ai.training.Example;
import com.kis.estimator.ai.training.LogisticRegressionTrainer;
import com.kis.estimator.ai.training.SyntheticHistory;

/**
 * Win model speed (bench/ai.sh, docs/benchmarks.md): training time for 10,000 and 100,000 rows; single-row
 * predict latency through the service ({@code WinPredictions}: feature checks, DJL, contributions, the
 * prediction logged in PostgreSQL) and through the served graph alone, against a raw DJL predictor on the same
 * SavedModel in the same run; batch throughput of the served graph against the raw predictor; resident memory.
 */
public final class AiBenchmark {

    private static final int WARM_UP = 2_000;
    private static final int CALLS = 10_000;

    public static void main(String[] args) throws Exception {
        FeatureSchema schema = FeatureSchema.V1;
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (int rows : new int[] {10_000, 100_000}) {
            List<Example> examples = SyntheticHistory.examples(schema, SyntheticHistory.estimates(rows, rows));
            long started = System.nanoTime();
            LogisticRegressionTrainer.defaults().train(schema, examples);
            System.out.printf(Locale.ROOT, "training, %,d rows (40 epochs): %.2f s%n", rows,
                    (System.nanoTime() - started) / 1e9);
        }

        PostgresTestDatabase database = PostgresTestDatabase.createFresh("kis_bench");
        Path models = Files.createTempDirectory("kis-ai-bench");
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("server.port", "0");
        properties.put("logging.level.root", "warn");
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", KeycloakTestServer.get().issuer());
        properties.put("kis.ai.model-dir", models.toString());
        properties.put("kis.erp.inbox.enabled", "false");
        properties.put("kis.ocr.inbox.enabled", "false");
        String[] appArgs = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KisEstimatorApplication.class)
                .profiles("prod").run(appArgs)) {
            TrainingData history = app.getBean(TrainingData.class);
            for (Map<String, Object> row : SyntheticHistory.estimates(10_000, 1)) {
                Map<String, Object> features = new LinkedHashMap<>(row);
                boolean won = (boolean) features.remove("won");
                history.add("synthetic", null, null, null, features, won, Instant.now());
            }
            ModelTraining training = app.getBean(ModelTraining.class);
            long started = System.nanoTime();
            ModelTraining.Candidate candidate = training.train("bench");
            training.activate(candidate.model().version(), "bench");
            System.out.printf(Locale.ROOT, "train + write + register + load + warm up, 10,000 rows from PostgreSQL:"
                    + " %.2f s (held-out AUC %.3f)%n", (System.nanoTime() - started) / 1e9, candidate.evaluation().auc());
            System.out.printf(Locale.ROOT, "resident memory with the model loaded: %d MB%n", residentMegabytes());

            List<Map<String, Object>> inputs = new ArrayList<>();
            for (Map<String, Object> row : SyntheticHistory.estimates(1_000, 3)) {
                Map<String, Object> features = new LinkedHashMap<>(row);
                features.remove("won");
                inputs.add(features);
            }
            float[][] rows = inputs.stream().map(f -> floats(schema.vector(f))).toArray(float[][]::new);
            Path artifact = Path.of(candidate.model().artifactPath());

            try (ZooModel<float[][], float[]> raw = rawModel(artifact);
                    Predictor<float[][], float[]> predictor = raw.newPredictor();
                    DjlWinModel served = DjlWinModel.load(artifact, 1, schema.size())) {
                WinPredictions service = app.getBean(WinPredictions.class);
                // the three paths in alternating rounds, so that the machine's noise falls on each alike
                List<double[]> raws = new ArrayList<>();
                List<double[]> graphs = new ArrayList<>();
                List<double[]> services = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    raws.add(latencies(i -> predictor.predict(new float[][] {rows[i % rows.length]})));
                    graphs.add(latencies(i -> served.predict(new float[][] {rows[i % rows.length]})));
                    services.add(latencies(i -> service.predict(inputs.get(i % inputs.size()), null)));
                }
                double[] rawLatency = merged(raws);
                double[] graphLatency = merged(graphs);
                double[] serviceLatency = merged(services);
                System.out.println("| single-row predict | p50 µs | p99 µs | × raw p99 |");
                System.out.println("|---|---:|---:|---:|");
                row("raw DJL predictor (baseline)", rawLatency, rawLatency);
                row("served graph (DjlWinModel: predictor pool)", graphLatency, rawLatency);
                row("service: checks, DJL, contributions, queued for the log", serviceLatency, rawLatency);

                // Paired: raw and served batches alternate call by call (which goes first swaps every pair), so
                // the machine's slow swings (a neighbour's build, the app's own background threads) fall on both
                // alike. Five rounds of 5,000 pairs; each round's ratio of the summed times, the median reported.
                float[][] batch = Arrays.copyOf(rows, 256);
                List<double[]> rounds = new ArrayList<>();
                pairedNanos(() -> predictor.predict(batch), () -> served.predict(batch), 1_000);
                for (int round = 0; round < 5; round++) {
                    rounds.add(pairedNanos(() -> predictor.predict(batch), () -> served.predict(batch), 5_000));
                }
                double[] ratios = rounds.stream().mapToDouble(r -> r[0] / r[1]).sorted().toArray();
                double[] median = rounds.stream().sorted((a, b) -> Double.compare(a[0] / a[1], b[0] / b[1]))
                        .toList().get(2);
                System.out.printf(Locale.ROOT, "batch of 256, paired: raw %.0f rows/s, served %.0f rows/s;"
                        + " served / raw %.2f (median of 5 rounds, %.2f to %.2f)%n",
                        5_000 * 256 / (median[0] / 1e9), 5_000 * 256 / (median[1] / 1e9), ratios[2], ratios[0],
                        ratios[4]);
            }
        } finally {
            database.drop();
        }
    }

    interface Call {
        void run(int i) throws Exception;
    }

    private static double[] latencies(Call call) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            call.run(i);
        }
        double[] micros = new double[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long started = System.nanoTime();
            call.run(i);
            micros[i] = (System.nanoTime() - started) / 1e3;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static double[] merged(List<double[]> rounds) {
        double[] all = rounds.stream().flatMapToDouble(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    private static void row(String what, double[] sorted, double[] baseline) {
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.2f |%n", what, sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.99)], sorted[(int) (sorted.length * 0.99)]
                        / baseline[(int) (baseline.length * 0.99)]);
    }

    interface Batch {
        void run() throws Exception;
    }

    /** Summed nanoseconds of {@code pairs} calls of each, alternating: {raw, served}. */
    private static double[] pairedNanos(Batch raw, Batch served, int pairs) throws Exception {
        long rawNanos = 0;
        long servedNanos = 0;
        for (int i = 0; i < pairs; i++) {
            Batch first = i % 2 == 0 ? raw : served;
            Batch second = first == raw ? served : raw;
            long started = System.nanoTime();
            first.run();
            long between = System.nanoTime();
            second.run();
            long ended = System.nanoTime();
            if (first == raw) {
                rawNanos += between - started;
                servedNanos += ended - between;
            } else {
                servedNanos += between - started;
                rawNanos += ended - between;
            }
        }
        return new double[] {rawNanos, servedNanos};
    }

    private static ZooModel<float[][], float[]> rawModel(Path artifact) throws Exception {
        return Criteria.builder().setTypes(float[][].class, float[].class).optModelPath(artifact)
                .optEngine("TensorFlow").optOption("Tags", SavedModelWriter.TAG)
                .optOption("SignatureDefKey", SavedModelWriter.SIGNATURE)
                .optTranslator(new NoBatchifyTranslator<float[][], float[]>() {
                    @Override
                    public NDList processInput(TranslatorContext context, float[][] input) {
                        return new NDList(context.getNDManager().create(input));
                    }

                    @Override
                    public float[] processOutput(TranslatorContext context, NDList list) {
                        return list.singletonOrThrow().toFloatArray();
                    }
                }).build().loadModel();
    }

    private static float[] floats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static long residentMegabytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
