using Elfs.Connector.Tests.Contracts;

namespace Elfs.Connector.Tests.ContractChecks;

public class OpenApiContractTests
{
    private static readonly OpenApiContract Ls = OpenApiContract.LabelStudio;

    [Fact]
    public void AcceptsTheDocumentedPredictionImportExample()
    {
        var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", "LabelStudio", "examples", "predictions_import_request.json"));
        Assert.Empty(Ls.CheckRequest("POST", "http://127.0.0.1:9/api/projects/7/import/predictions", body));
    }

    [Fact]
    public void ReportsMissingRequiredFieldsAndWrongTypesWithTheirLocation()
    {
        var violations = Ls.CheckRequest("POST", "/api/projects/7/import/predictions",
            """[{"task": 1, "result": []}, {"task": "x", "result": []}, {"score": 0.5, "result": {}}]""");
        Assert.Contains(violations, v => v.Contains("$[1].task") && v.Contains("Integer"));
        Assert.Contains(violations, v => v.Contains("$[2]") && v.Contains("'task'"));
        Assert.Contains(violations, v => v.Contains("$[2].result") && v.Contains("Array"));
        Assert.Equal(3, violations.Count);
    }

    [Fact]
    public void ChecksEnumsAndNullability()
    {
        Assert.Empty(Ls.CheckRequest("PATCH", "/api/projects/7/", """{"sampling": "Uncertainty sampling", "model_version": "elfs-1"}"""));
        var violations = Ls.CheckRequest("PATCH", "/api/projects/7/", """{"sampling": "Priority sampling", "show_collab_predictions": null}""");
        Assert.Contains(violations, v => v.Contains("$.sampling") && v.Contains("not one of"));
        Assert.Contains(violations, v => v.Contains("$.show_collab_predictions") && v.Contains("null"));
    }

    [Fact]
    public void ReportsUnknownPathsOperationsAndMissingBodies()
    {
        Assert.Contains("no such path", Assert.Single(Ls.CheckRequest("DELETE", "/api/projects/7/model-versions/", "{}")));
        Assert.Contains("no such operation", Assert.Single(Ls.CheckRequest("PUT", "/api/token/refresh/", "{}")));
        Assert.Contains("required", Assert.Single(Ls.CheckRequest("POST", "/api/token/refresh/", null)));
        Assert.Equal("/api/projects/{id}/import/predictions", Ls.FindTemplate("/api/projects/12/import/predictions"));
    }
}
