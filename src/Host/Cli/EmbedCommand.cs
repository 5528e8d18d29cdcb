using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Elfs.Engine.Encoders;
using Elfs.Engine.Runtime;
using Elfs.Host.Storage;

namespace Elfs.Host.Cli;

/// <summary>
/// <c>elfs embed --images DIR | --fashion-mnist [--split train|test] [--limit N] [--encoder builtin|resnet18|onnx:FILE|torchscript:FILE]
/// [--device D] [--cache FILE] --out vectors.npy</c>: image files to a vector matrix, through the embedding cache.
/// </summary>
public static class EmbedCommand
{
    /// <summary>Exit code when the options are invalid or nothing could be embedded.</summary>
    public const int FailureExitCode = 1;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var images = new Option<string?>("--images") { Description = "Folder of images (JPEG, PNG, BMP, GIF), read recursively" };
        var fashion = new Option<bool>("--fashion-mnist") { Description = "Embed Fashion-MNIST from /usr/share/datasets/fashion-mnist" };
        var split = new Option<string>("--split") { Description = "Fashion-MNIST split: train or test", DefaultValueFactory = _ => "train" };
        var limit = new Option<int?>("--limit") { Description = "At most this many Fashion-MNIST images" };
        var encoder = new Option<string>("--encoder") { Description = "builtin (HOG), resnet18 (pretrained, for photos), onnx:FILE or torchscript:FILE", DefaultValueFactory = _ => EncoderKinds.Builtin };
        var device = new Option<string>("--device") { Description = "auto, cpu, cuda or cuda:N", DefaultValueFactory = _ => "auto" };
        var cache = new Option<string?>("--cache") { Description = "SQLite file caching vectors by content hash and encoder" };
        var output = new Option<string>("--out") { Description = "The .npy file to write (ids go to NAME.ids.txt)", Required = true };
        var threads = new Option<int?>("--threads") { Description = "Native threads (default: every core)" };
        var inputSize = new Option<int?>("--input-size") { Description = "Encoder input side in pixels (default: 28 builtin, 224 resnet18 and torchscript, the model's for onnx)" };
        var mean = new Option<string?>("--mean") { Description = "Input mean per channel on pixels in [0,1], e.g. 0.485,0.456,0.406 (torchscript's default; onnx: unless the model says)" };
        var std = new Option<string?>("--std") { Description = "Input std per channel, e.g. 0.229,0.224,0.225 (torchscript's default; onnx: unless the model says)" };
        var channelOrder = new Option<string?>("--channel-order") { Description = "onnx: rgb or bgr (default: the model's metadata, else rgb)" };
        var modelOutput = new Option<string?>("--output-name") { Description = "onnx: the model output holding the vector (default: the metadata's, or the only output)" };
        var command = new Command("embed", "Embed images into a vector matrix (.npy), reusing cached vectors.");
        foreach (var option in new Option[] { images, fashion, split, limit, encoder, device, cache, output, threads, inputSize, mean, std, channelOrder, modelOutput }) command.Options.Add(option);
        command.SetAction((parse, token) => RunAsync(new EmbedRequest(parse.GetValue(images), parse.GetValue(fashion),
            parse.GetValue(split)!, parse.GetValue(limit), parse.GetValue(encoder)!, parse.GetValue(device)!, parse.GetValue(cache),
            parse.GetValue(output)!, parse.GetValue(threads), parse.GetValue(inputSize), parse.GetValue(mean), parse.GetValue(std),
            parse.GetValue(channelOrder), parse.GetValue(modelOutput)), Console.Out, Console.Error, token));
        return command;
    }

    /// <summary>Runs one embedding; returns the exit code. Failures of single items go to <paramref name="error"/> and failures.csv.</summary>
    public static async Task<int> RunAsync(EmbedRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        EmbedSource source;
        IImageEncoder encoder;
        try
        {
            if ((request.Images is null) == !request.FashionMnist)
                throw new ArgumentException("give exactly one of --images DIR or --fashion-mnist");
            if (request.Limit is <= 0) throw new ArgumentException($"--limit must be positive, got {request.Limit}");
            var outDirectory = Path.GetDirectoryName(Path.GetFullPath(request.Out))!;
            if (!Directory.Exists(outDirectory)) throw new ArgumentException($"--out: directory '{outDirectory}' does not exist");
            EngineRuntime.Configure(request.Threads);
            source = request.Images is not null ? EmbedSource.FromDirectory(request.Images) : EmbedSource.FromFashionMnist(request.Split, request.Limit);
            var spec = EncoderSpec.Parse(request.Encoder) with
            {
                InputSize = request.InputSize, Mean = ParseFloats(request.Mean, "--mean"), Std = ParseFloats(request.Std, "--std"),
                ChannelOrder = request.ChannelOrder, Output = request.OutputName,
            };
            encoder = Create(spec, request.Device);
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidDataException or System.Runtime.InteropServices.ExternalException)
        {
            error.WriteLine($"error: {e.Message}");
            return FailureExitCode;
        }
        EmbeddingCache? cache;
        try
        {
            cache = request.Cache is null ? null : new EmbeddingCache(request.Cache);
        }
        catch (StoreDamagedException e)
        {
            encoder.Dispose();
            error.WriteLine($"error: --cache: {e.Message}");
            return FailureExitCode;
        }
        using (encoder)
        using (cache)
        {
            var clock = Stopwatch.StartNew();
            var embedder = new CachedEmbedder(encoder, cache);
            EmbedOutcome outcome;
            try
            {
                outcome = await embedder.EmbedAsync(source.Ids.Count, (i, _) => ValueTask.FromResult(source.Read(i)), keepVectors: true,
                    new EmbedProgressBar(error, !Console.IsErrorRedirected), cancellationToken);
            }
            catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or InvalidOperationException)
            {
                error.WriteLine($"error: the encoder failed ({e.Message}); vectors of the chunks finished before it are kept in the cache");
                return FailureExitCode;
            }
            var seconds = clock.Elapsed.TotalSeconds;
            for (var i = 0; i < source.Ids.Count; i++)
                if (outcome.Errors[i] is { } reason) error.WriteLine($"failed: {source.Ids[i]}: {reason}");
            var written = EmbedOutputs.Write(request.Out, source, outcome);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {written} x {outcome.Dimension} vectors to {request.Out} ({source.Ids.Count - written} failed, {outcome.CacheHits} from cache, {outcome.Encoded} encoded) in {seconds:F2} s = {source.Ids.Count / Math.Max(seconds, 1e-9):F0} images/s; encoder {encoder.Fingerprint[..12]}"));
            return written > 0 || source.Ids.Count == 0 ? 0 : FailureExitCode;
        }
    }

    // An encoder setting error names the command-line option (EncoderMean is --mean).
    private static IImageEncoder Create(EncoderSpec spec, string device)
    {
        try
        {
            return ImageEncoderFactory.Create(spec, device);
        }
        catch (EncoderSettingException e)
        {
            var option = e.Setting switch
            {
                "EncoderPath" => "--encoder", "EncoderInputSize" => "--input-size", "EncoderMean" => "--mean", "EncoderStd" => "--std",
                "EncoderChannelOrder" => "--channel-order", "EncoderOutput" => "--output-name", _ => e.Setting,
            };
            throw new ArgumentException($"{option}: {e.Reason}", e);
        }
    }

    private static float[]? ParseFloats(string? text, string option)
    {
        if (text is null) return null;
        try
        {
            return EncoderSpec.ParseValues(text);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"{option}: {e.Message}", e);
        }
    }
}
