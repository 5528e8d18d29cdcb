using System.Text.Json;
using System.Text.Json.Nodes;
using Elfs.Connector.LabelStudio.Api;
using Elfs.Connector.Tests.Contracts;

namespace Elfs.Connector.Tests.LabelStudio;

/// <summary>Our request bodies serialize exactly like the contract's example bodies (shared/contracts/label-studio/examples).</summary>
public class LabelStudioExampleBodyTests
{
    private static readonly LabelStudioJsonContext Json = LabelStudioJsonContext.Default;

    private static JsonNode Example(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", "LabelStudio", "examples", name)))!;

    [Fact]
    public void TheUnlabeledQueryIsTheDocumentedOne() =>
        Assert.True(JsonNode.DeepEquals(Example("tasks_query_unlabeled.json"),
            JsonNode.Parse(JsonSerializer.Serialize(LsTaskQuery.ByLabeled(false), Json.LsTaskQuery))));

    [Fact]
    public void ThePredictionImportMatchesTheExampleAndTheSchema()
    {
        var items = new List<LsPredictionImport>
        {
            new(101, [], 0.0125, "priority-20251120T100000Z"), new(102, [], 0.025, "priority-20251120T100000Z"),
            new(103, [], 0.0375, "priority-20251120T100000Z"),
        };
        var body = JsonSerializer.Serialize(items, Json.ListLsPredictionImport);
        Assert.True(JsonNode.DeepEquals(Example("predictions_import_request.json"), JsonNode.Parse(body)));
        Assert.Empty(OpenApiContract.LabelStudio.CheckRequest("POST", "/api/projects/7/import/predictions", body));
    }

    [Fact]
    public void TheProjectPatchAndTokenRefreshMatchTheExamples()
    {
        var patch = JsonSerializer.Serialize(new LsProjectPatch("Uncertainty sampling", "priority-20251120T100000Z"), Json.LsProjectPatch);
        Assert.True(JsonNode.DeepEquals(Example("project_patch_request.json"), JsonNode.Parse(patch)));
        Assert.Equal("""{"sampling":"Uncertainty sampling"}""", JsonSerializer.Serialize(new LsProjectPatch(Sampling: "Uncertainty sampling"), Json.LsProjectPatch));
        var refresh = JsonSerializer.Serialize(new LsTokenRefreshRequest("your-personal-access-token"), Json.LsTokenRefreshRequest);
        Assert.True(JsonNode.DeepEquals(Example("token_refresh_request.json"), JsonNode.Parse(refresh)));
    }

    [Fact]
    public void TheExampleResponsesDeserialize()
    {
        var page = JsonSerializer.Deserialize(Example("tasks_page.json").ToJsonString(), Json.LsTaskPage)!;
        Assert.Equal(880, page.Total);
        Assert.Equal("/data/upload/7/3f2a9c1d-img_0001.jpg", page.Tasks[0].Data!["image"].GetString());
        var project = JsonSerializer.Deserialize(Example("project.json").ToJsonString(), Json.LsProject)!;
        Assert.Equal(7, project.Id);
        Assert.Equal(new Elfs.Connector.LabelStudio.LabelConfig("image", 3, 1), Elfs.Connector.LabelStudio.LabelConfig.Parse(project.LabelConfig, 7));
        Assert.Equal(3, JsonSerializer.Deserialize(Example("predictions_import_response.json").ToJsonString(), Json.LsImportResult)!.Created);
        Assert.Equal("Invalid page.", ApiJson.Detail(Example("error_404_invalid_page.json").ToJsonString()));
        Assert.Equal("Validation error (model_version: Model version doesn't exist either as live model or as static predictions.)", ApiJson.Detail(Example("error_400_validation.json").ToJsonString()));
    }
}
