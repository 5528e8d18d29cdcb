namespace Elfs.Engine;

/// <summary>The result of a selection run.</summary>
/// <param name="Items">One score per input row, in input order.</param>
/// <param name="StageTimings">Wall time per stage (knn, temi, pseudo_labels, dynamics, selection, queue, kmeans).</param>
/// <param name="DeviceUsed">The device the tensors ran on, e.g. <c>cpu</c> or <c>cuda:0</c>.</param>
public sealed record SelectionResult(IReadOnlyList<ItemScore> Items, IReadOnlyDictionary<string, TimeSpan> StageTimings, string DeviceUsed);
