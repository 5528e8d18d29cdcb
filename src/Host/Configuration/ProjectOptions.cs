using Elfs.Connector.Http;

namespace Elfs.Host.Configuration;

/// <summary>One labeling project (<c>Elfs:Projects:N</c>).</summary>
public sealed class ProjectOptions
{
    /// <summary>Unique name: letters, digits, '.', '-', '_' (required).</summary>
    public string Name { get; set; } = "";

    /// <summary><c>LocalFolder</c> (default), <c>LabelStudio</c> or <c>Cvat</c>.</summary>
    public string Tool { get; set; } = nameof(ToolKind.LocalFolder);

    /// <summary>Base URL of the tool (Label Studio, CVAT); not used by LocalFolder.</summary>
    public string? Url { get; set; }

    /// <summary>Name of the environment variable holding the API token (Label Studio, CVAT).</summary>
    public string? TokenEnv { get; set; }

    /// <summary>Items to queue per run: a count (<c>500</c>) or a fraction of the unlabeled pool (<c>0.1</c> or <c>10%</c>). Default <c>0.1</c>.</summary>
    public string Budget { get; set; } = "0.1";

    /// <summary>Share of the hardest (lowest-AUM) unlabeled items never queued, as likely junk or ambiguous; 0 ≤ β and β + fraction ≤ 1. Default 0.1.</summary>
    public double Beta { get; set; } = 0.1;

    /// <summary>
    /// Choose β per run without labels: the engine tries β = 0, 0.1, … (with β + budget share ≤ 1), trains a proxy on each
    /// coreset with pseudo-labels and keeps the β that scores best on a held-out pseudo-labeled split. Default false.
    /// </summary>
    public bool BetaAuto { get; set; }

    /// <summary>
    /// Cosine similarity above which two images count as near-duplicates, of which only one is queued (the freed place
    /// goes to the next candidate); 0 turns the check off. Default 0.995.
    /// </summary>
    public double DuplicateThreshold { get; set; } = Elfs.Engine.Selection.NearDuplicates.DefaultThreshold;

    /// <summary>Number of pseudo-classes K; optional when the tool's label configuration defines the classes.</summary>
    public int? Clusters { get; set; }

    /// <summary><c>builtin</c> (default, HOG), <c>resnet18</c>, <c>onnx</c>, <c>torchscript</c> or <c>precomputed</c>.</summary>
    public string Encoder { get; set; } = "builtin";

    /// <summary>The ONNX or TorchScript model file, or the precomputed vectors file (<c>.npy</c> + <c>.ids.txt</c>, or <c>.csv</c>).</summary>
    public string? EncoderPath { get; set; }

    /// <summary>Input size in pixels of an ONNX or TorchScript encoder, when the model does not say. Optional.</summary>
    public int? EncoderInputSize { get; set; }

    /// <summary>ONNX/TorchScript: per-channel mean on pixels in [0,1], comma-separated (<c>0.485,0.456,0.406</c>), when the model does not say.</summary>
    public string? EncoderMean { get; set; }

    /// <summary>ONNX/TorchScript: per-channel standard deviation, comma-separated, when the model does not say.</summary>
    public string? EncoderStd { get; set; }

    /// <summary>ONNX: <c>rgb</c> or <c>bgr</c>, when the model does not say (default rgb).</summary>
    public string? EncoderChannelOrder { get; set; }

    /// <summary>ONNX: the name of the output holding the vector, when the model has several and does not say.</summary>
    public string? EncoderOutput { get; set; }

    /// <summary>Cron schedule: five-field crontab (<c>0 2 * * *</c>, the default: nightly 02:00) or Quartz's six/seven-field form.</summary>
    public string Schedule { get; set; } = "0 2 * * *";

    /// <summary>Time zone of <see cref="Schedule"/> (IANA id). Default: the machine's local zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Whether the schedule runs this project. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>CVAT: <c>Bearer</c> (personal access token, default) or <c>Token</c> (legacy API key). Label Studio detects the kind itself.</summary>
    public string TokenKind { get; set; } = "Bearer";

    /// <summary>Label Studio: the task data key of the image (<c>$image</c>); default: read from the label configuration.</summary>
    public string? ImageKey { get; set; }

    /// <summary>CVAT: how chosen images reach the batch task: <c>Auto</c> (default), <c>Reference</c> or <c>Upload</c>.</summary>
    public string AttachMode { get; set; } = "Auto";

    /// <summary>Label Studio: the project id (required for LabelStudio).</summary>
    public int? ProjectId { get; set; }

    /// <summary>CVAT: organization slug sent as <c>X-Organization</c>. Optional.</summary>
    public string? Organization { get; set; }

    /// <summary>CVAT: the project whose tasks are the pool of images. One of PoolProjectId / PoolTaskIds is required.</summary>
    public int? PoolProjectId { get; set; }

    /// <summary>CVAT: the tasks that are the pool of images, instead of a project.</summary>
    public List<int> PoolTaskIds { get; set; } = [];

    /// <summary>CVAT: the project receiving each run's prioritized batch task (required for Cvat).</summary>
    public int? AnnotationProjectId { get; set; }

    /// <summary>CVAT: frames per job of a batch task. Default 50.</summary>
    public int SegmentSize { get; set; } = 50;

    /// <summary>CVAT: user names the batch task's jobs are assigned to, in order. Optional.</summary>
    public List<string> Assignees { get; set; } = [];

    /// <summary>
    /// CVAT: when true, a failed job assignment (an unknown user, a refused <c>PATCH /api/jobs</c>) becomes a warning on
    /// the run and the push completes; when false (default) it fails the run. Needs <see cref="Assignees"/>.
    /// </summary>
    public bool AssignmentBestEffort { get; set; }

    /// <summary>LocalFolder: the folder of images (required for LocalFolder).</summary>
    public string? Folder { get; set; }

    /// <summary>LocalFolder: where queue.csv, queue.json and report.html go. Default: <c>elfs-queue</c> inside <see cref="Folder"/>.</summary>
    public string? OutputPath { get; set; }

    /// <summary>LocalFolder: the file listing labeled images (one path relative to Folder per line). Default <c>labeled.txt</c> in Folder.</summary>
    public string? LabeledFile { get; set; }

    /// <summary>Timeouts, retries and image size limit of the HTTP connectors.</summary>
    public ConnectorHttpOptions Http { get; set; } = new();

    /// <summary>The tool, parsed (call after validation).</summary>
    public ToolKind ToolKind => Enum.Parse<ToolKind>(Tool, ignoreCase: true);

    /// <summary>The encoder kind, parsed (call after validation).</summary>
    public EncoderKind EncoderKind => Enum.Parse<EncoderKind>(Encoder, ignoreCase: true);

    /// <summary>Where the tool reads and writes, by setting name: what a resumed run must find unchanged.</summary>
    public Dictionary<string, string> ToolTarget()
    {
        var target = new Dictionary<string, string>();
        void Add(string key, object? value)
        {
            if (value is not null) target[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
        }
        Add(nameof(Url), Url);
        Add(nameof(ProjectId), ProjectId);
        Add(nameof(PoolProjectId), PoolProjectId);
        Add(nameof(AnnotationProjectId), AnnotationProjectId);
        Add(nameof(Folder), Folder);
        Add(nameof(OutputPath), OutputPath);
        return target;
    }

    /// <summary>A copy of this project with another encoder (a resumed run keeps the one it started with).</summary>
    public ProjectOptions WithEncoder(string encoder, string? path, int? inputSize, Runs.EncoderPreprocessing preprocessing)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        var copy = (ProjectOptions)MemberwiseClone();
        copy.Encoder = encoder;
        copy.EncoderPath = path;
        copy.EncoderInputSize = inputSize;
        (copy.EncoderMean, copy.EncoderStd, copy.EncoderChannelOrder, copy.EncoderOutput) =
            (preprocessing.Mean, preprocessing.Std, preprocessing.ChannelOrder, preprocessing.Output);
        return copy;
    }
}
