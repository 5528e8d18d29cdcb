namespace Elfs.Connector.Cvat.Api;

/// <summary>
/// <c>DataRequest</c> as JSON. Unset members are left out rather than sent as null: the schema marks most of them
/// non-nullable even where the server would accept null.
/// </summary>
internal sealed class CvatDataWrite
{
    public required int ImageQuality { get; init; }
    public List<string>? ServerFiles { get; init; }
    public int? CloudStorageId { get; init; }
    public bool? UseCache { get; init; }
    public string? SortingMethod { get; init; }
    public List<string>? UploadFileOrder { get; init; }
}
