using System.Text;

namespace Elfs.Engine.Tests.Encoders;

/// <summary>
/// Writes tiny ONNX image models at test time (no committed binaries, no python): input <c>pixels</c> N x 3 x S x S,
/// outputs <c>mean_rgb</c> (GlobalAveragePool + Flatten: each channel's mean, N x 3) and <c>max_rgb</c> (GlobalMaxPool +
/// Flatten), optionally with a float16 input (Cast to float first) and metadata_props. The protobuf is written field by
/// field after onnx.proto3 (ModelProto, GraphProto, NodeProto, ValueInfoProto), opset 13, IR version 7.
/// </summary>
internal static class TinyOnnxModels
{
    /// <param name="batch">The input's batch dimension: null dynamic (<c>batch</c>), else fixed.</param>
    /// <param name="side">The input's sides: null dynamic, else fixed.</param>
    public static byte[] Pool(int? batch = null, int? side = 8, bool float16 = false, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var graph = new Proto();
        var pixels = float16 ? "pixels_float" : "pixels";
        if (float16) graph.Message(1, Node("Cast", ["pixels"], [pixels], new Proto().Text(1, "to").Int(3, 1).Int(20, 2)));
        graph.Message(1, Node("GlobalAveragePool", [pixels], ["avg"]));
        graph.Message(1, Node("Flatten", ["avg"], ["mean_rgb"]));
        graph.Message(1, Node("GlobalMaxPool", [pixels], ["maxpool"]));
        graph.Message(1, Node("Flatten", ["maxpool"], ["max_rgb"]));
        graph.Text(2, "tiny_pool");
        graph.Message(11, Value("pixels", float16 ? 10 : 1, [Dim(batch, "batch"), Dim(3, null), Dim(side, "height"), Dim(side, "width")]));
        graph.Message(12, Value("mean_rgb", 1, [Dim(batch, "batch"), Dim(3, null)]));
        graph.Message(12, Value("max_rgb", 1, [Dim(batch, "batch"), Dim(3, null)]));
        var model = new Proto().Int(1, 7).Text(2, "elfs-tests").Message(7, graph).Message(8, new Proto().Text(1, "").Int(2, 13));
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
            model.Message(14, new Proto().Text(1, key).Text(2, value));
        return model.ToArray();
    }

    public static string Write(string directory, string name, byte[] model)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, model);
        return path;
    }

    private static Proto Node(string op, string[] inputs, string[] outputs, Proto? attribute = null)
    {
        var node = new Proto();
        foreach (var i in inputs) node.Text(1, i);
        foreach (var o in outputs) node.Text(2, o);
        node.Text(3, op + "_" + outputs[0]).Text(4, op);
        if (attribute is not null) node.Message(5, attribute);
        return node;
    }

    private static Proto Dim(int? value, string? param) => value is { } v ? new Proto().Int(1, v) : new Proto().Text(2, param!);

    private static Proto Value(string name, int elementType, Proto[] dims)
    {
        var shape = new Proto();
        foreach (var d in dims) shape.Message(1, d);
        return new Proto().Text(1, name).Message(2, new Proto().Message(1, new Proto().Int(1, elementType).Message(2, shape)));
    }

    // A protobuf message under construction: varint and length-delimited fields only.
    private sealed class Proto
    {
        private readonly MemoryStream bytes = new();

        public Proto Int(int field, long value)
        {
            Varint((ulong)(field << 3));
            Varint((ulong)value);
            return this;
        }

        public Proto Text(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Proto Message(int field, Proto message) => Bytes(field, message.ToArray());

        public byte[] ToArray() => bytes.ToArray();

        private Proto Bytes(int field, byte[] value)
        {
            Varint((ulong)((field << 3) | 2));
            Varint((ulong)value.Length);
            bytes.Write(value);
            return this;
        }

        private void Varint(ulong value)
        {
            while (value >= 0x80)
            {
                bytes.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            bytes.WriteByte((byte)value);
        }
    }
}
