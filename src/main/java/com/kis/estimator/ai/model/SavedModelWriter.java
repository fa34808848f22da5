package com.kis.estimator.ai.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tensorflow.proto.framework.AttrValue;
import org.tensorflow.proto.framework.DataType;
import org.tensorflow.proto.framework.GraphDef;
import org.tensorflow.proto.framework.MetaGraphDef;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;
import org.tensorflow.proto.framework.SignatureDef;
import org.tensorflow.proto.framework.TensorInfo;
import org.tensorflow.proto.framework.TensorProto;
import org.tensorflow.proto.framework.TensorShapeProto;
import org.tensorflow.proto.framework.VersionDef;

import com.kis.estimator.ai.training.WinModelParameters;

/**
 * Writes a trained model as a TensorFlow SavedModel, through the protobuf classes DJL's TensorFlow API ships:
 * a graph of constants and five ops,
 * {@code probability = sigmoid(matmul((features − mean) · scale, weights) + bias)}, tagged {@code serve} with
 * the signature {@code serving_default} (input {@code features} [n, f] float, output {@code probability} [n, 1]).
 * The weights are constants, so {@code variables/} stays empty. No TensorFlow runtime is needed to write it.
 */
public final class SavedModelWriter {

    public static final String INPUT = "features";
    public static final String OUTPUT = "probability";
    public static final String SIGNATURE = "serving_default";
    public static final String TAG = "serve";
    public static final String FILE = "saved_model.pb";

    /** TensorFlow 2.10's graph producer version; the loader accepts graphs from older producers. */
    private static final int PRODUCER = 1205;

    private SavedModelWriter() {
    }

    public static void write(WinModelParameters model, Path directory) throws IOException {
        int size = model.schema().size();
        List<NodeDef> nodes = new ArrayList<>();
        nodes.add(NodeDef.newBuilder().setName(INPUT).setOp("Placeholder")
                .putAttr("dtype", type())
                .putAttr("shape", AttrValue.newBuilder().setShape(shape(-1, size)).build()).build());
        nodes.add(constant("mean", model.normalization().mean(), size));
        nodes.add(constant("scale", model.normalization().scale(), size));
        nodes.add(constant("weights", model.weights(), size, 1));
        nodes.add(constant("bias", new double[] {model.bias()}, 1));
        nodes.add(op("centred", "Sub", INPUT, "mean"));
        nodes.add(op("normalised", "Mul", "centred", "scale"));
        nodes.add(NodeDef.newBuilder().setName("logit").setOp("MatMul").addInput("normalised").addInput("weights")
                .putAttr("T", type())
                .putAttr("transpose_a", AttrValue.newBuilder().setB(false).build())
                .putAttr("transpose_b", AttrValue.newBuilder().setB(false).build()).build());
        nodes.add(op("biased", "AddV2", "logit", "bias"));
        nodes.add(NodeDef.newBuilder().setName(OUTPUT).setOp("Sigmoid").addInput("biased").putAttr("T", type())
                .build());
        GraphDef graph = GraphDef.newBuilder().addAllNode(nodes)
                .setVersions(VersionDef.newBuilder().setProducer(PRODUCER).build()).build();
        SignatureDef signature = SignatureDef.newBuilder()
                .putInputs(INPUT, tensor(INPUT + ":0", shape(-1, size)))
                .putOutputs(OUTPUT, tensor(OUTPUT + ":0", shape(-1, 1)))
                .setMethodName("tensorflow/serving/predict").build();
        MetaGraphDef meta = MetaGraphDef.newBuilder()
                .setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder().addTags(TAG).build())
                .setGraphDef(graph).putSignatureDef(SIGNATURE, signature).build();
        SavedModel saved = SavedModel.newBuilder().setSavedModelSchemaVersion(1).addMetaGraphs(meta).build();
        Files.createDirectories(directory.resolve("variables"));
        try (OutputStream out = Files.newOutputStream(directory.resolve(FILE))) {
            saved.writeTo(out);
        }
    }

    private static NodeDef constant(String name, double[] values, long... dimensions) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
                .setTensorShape(shape(dimensions));
        for (double value : values) {
            tensor.addFloatVal((float) value);
        }
        return NodeDef.newBuilder().setName(name).setOp("Const").putAttr("dtype", type())
                .putAttr("value", AttrValue.newBuilder().setTensor(tensor).build()).build();
    }

    private static NodeDef op(String name, String op, String left, String right) {
        return NodeDef.newBuilder().setName(name).setOp(op).addInput(left).addInput(right).putAttr("T", type())
                .build();
    }

    private static AttrValue type() {
        return AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();
    }

    private static TensorInfo tensor(String name, TensorShapeProto shape) {
        return TensorInfo.newBuilder().setName(name).setDtype(DataType.DT_FLOAT).setTensorShape(shape).build();
    }

    private static TensorShapeProto shape(long... dimensions) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long dimension : dimensions) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(dimension));
        }
        return shape.build();
    }
}
