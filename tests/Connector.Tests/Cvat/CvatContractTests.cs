namespace Elfs.Connector.Tests.Cvat;

/// <summary>The CVAT schema check itself: upstream example bodies fit, broken ones are caught.</summary>
public sealed class CvatContractTests
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cvat", "Contract", "examples", name));

    [Theory]
    [InlineData("POST", "/api/tasks", "task_create_request.json")]
    [InlineData("POST", "/api/tasks/36/data/", "task_data_request_client_files_finish.json")]
    [InlineData("POST", "/api/tasks/36/data/", "task_data_request_cloud_storage_predefined.json")]
    [InlineData("POST", "/api/tasks/36/data/", "task_data_request_share_predefined.json")]
    [InlineData("PATCH", "/api/jobs/26", "job_patch_assign_request.json")]
    public void Upstream_examples_fit_the_schema(string method, string path, string example) =>
        Assert.Empty(CvatTestKit.Contract.CheckRequest(method, path, Example(example)));

    [Fact]
    public void Broken_bodies_are_caught()
    {
        Assert.Contains(CvatTestKit.Contract.CheckRequest("POST", "/api/tasks", "{\"project_id\": 2}"), v => v.Contains("'name' is missing"));
        Assert.Contains(CvatTestKit.Contract.CheckRequest("POST", "/api/tasks/3/data/", "{\"image_quality\": \"70\"}"), v => v.Contains("image_quality"));
        Assert.Contains(CvatTestKit.Contract.CheckRequest("POST", "/api/tasks/3/data/", "{\"image_quality\": 70, \"sorting_method\": \"by-rank\"}"),
            v => v.Contains("sorting_method"));
        Assert.Contains(CvatTestKit.Contract.CheckRequest("POST", "/api/tasks", "{\"name\": \"x\", \"segment_size\": null}"), v => v.Contains("segment_size"));
    }
}
