using System.Text.Json;

namespace Elfs.Connector.LabelStudio.Api;

/// <summary><c>{"created": n}</c> from a prediction import.</summary>
internal sealed record LsImportResult(int Created);

/// <summary><c>{"model_version": "..."}</c> for <c>DELETE /api/projects/{id}/model-versions/</c>.</summary>
internal sealed record LsModelVersionDelete(string ModelVersion);

/// <summary><c>{"deleted_predictions": n}</c>.</summary>
internal sealed record LsDeleted(int DeletedPredictions);

/// <summary><c>{"refresh": "..."}</c> for <c>POST /api/token/refresh/</c>.</summary>
internal sealed record LsTokenRefreshRequest(string Refresh);

/// <summary><c>{"access": "..."}</c>.</summary>
internal sealed record LsTokenRefreshResponse(string? Access);

/// <summary><c>GET /api/version/</c> (only the release is read).</summary>
internal sealed record LsVersion(string? Release);

/// <summary>Label Studio's error body (<c>detail</c>, plus <c>validation_errors</c> on 400).</summary>
internal sealed record LsError(string? Detail, JsonElement? ValidationErrors);
