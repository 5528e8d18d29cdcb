namespace Elfs.Connector.Tests.LabelStudio.Fake;

/// <summary>A stored prediction. <c>Cluster</c> stays null for bulk imports, as in Label Studio 1.22.</summary>
public sealed record FakePrediction(long Id, long Task, double? Score, string ModelVersion, int? Cluster, string ResultJson);
