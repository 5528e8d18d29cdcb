namespace Elfs.Connector.LocalFolder;

/// <summary>The content of queue.json.</summary>
/// <param name="RunId">The run that wrote it.</param>
/// <param name="Folder">The image folder the paths are relative to.</param>
/// <param name="Items">The queue, rank 1 first.</param>
public sealed record QueueDocument(string RunId, string Folder, IReadOnlyList<QueueLine> Items);
