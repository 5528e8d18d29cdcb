using Elfs.Connector.Cvat;
using Microsoft.AspNetCore.Http;

namespace Elfs.Connector.Tests.Cvat;

public sealed class CvatFaultTests
{
    [Fact]
    public async Task Transient_5xx_and_429_are_retried()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.AddTask(1, "a", 3, 5);
        var failures = 0;
        kit.Fake.Fault = c =>
        {
            if (!c.Request.Path.StartsWithSegments("/api/tasks") || failures >= 3) return false;
            failures++;
            c.Response.StatusCode = failures == 2 ? 429 : 503;
            if (failures == 2) c.Response.Headers.RetryAfter = "0";
            return true;
        };

        var items = await CvatTestKit.ListAsync(kit.Tool());

        Assert.Equal(3, items.Count);
        Assert.Equal([503, 429, 503, 200], kit.Fake.Recorded.Where(r => r.Path == "/api/tasks").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_persistent_html_500_becomes_one_readable_error_and_4xx_is_not_retried()
    {
        await using var kit = await CvatTestKit.StartAsync();
        kit.Fake.Fault = c =>
        {
            if (c.Request.Path != "/api/tasks") return false;
            c.Response.StatusCode = 500;
            c.Response.ContentType = "text/html";
            c.Response.WriteAsync("<!doctype html><html><head><title>Server Error (500)</title></head><body><h1>Server Error (500)</h1></body></html>");
            return true;
        };
        var error = await Assert.ThrowsAsync<LabelingToolException>(() => CvatTestKit.ListAsync(kit.Tool()));
        Assert.Equal("CVAT GET /api/tasks failed: HTTP 500 InternalServerError: Server Error (500)", error.Message);
        Assert.Equal(4, kit.Fake.Recorded.Count(r => r.Path == "/api/tasks"));

        kit.Fake.Fault = c =>
        {
            if (c.Request.Path != "/api/projects/2") return false;
            c.Response.StatusCode = 403;
            c.Response.WriteAsync("{\"detail\":\"You do not have permission to perform this action.\"}");
            return true;
        };
        var denied = await Assert.ThrowsAsync<LabelingToolException>(() => kit.Tool().CheckAsync(default));
        Assert.Contains("You do not have permission to perform this action.", denied.Message);
        Assert.Single(kit.Fake.Recorded, r => r.Path == "/api/projects/2");
    }

    [Fact]
    public async Task Check_describes_the_server_pool_and_target()
    {
        await using var kit = await CvatTestKit.StartAsync();
        var check = await kit.Tool().CheckAsync(default);
        Assert.Equal("CVAT 2.64.0 as 'admin1', pool project 1 'pool', batch tasks into project 2 'annotation'", check.Description);
        Assert.Equal(3, check.ClassCount);
        Assert.Empty(check.Warnings);
        var same = await kit.Tool(o => o.ProjectId = 2).CheckAsync(default);
        Assert.Contains(same.Warnings, w => w.Contains("ProjectId equals AnnotationProjectId"));
    }

    [Fact]
    public async Task The_fake_enforces_the_server_rules_the_client_must_follow()
    {
        await using var kit = await CvatTestKit.StartAsync();
        using var http = new HttpClient { BaseAddress = kit.Fake.BaseUri };
        http.DefaultRequestHeaders.Authorization = new("Bearer", kit.Fake.Token);
        using var json = new HttpRequestMessage(HttpMethod.Get, "api/server/about");
        json.Headers.Accept.ParseAdd("application/json");
        Assert.Equal(406, (int)(await http.SendAsync(json)).StatusCode);
        Assert.Equal(404, (int)(await http.GetAsync("api/tasks/")).StatusCode);
        Assert.Equal(200, (int)(await http.GetAsync("api/tasks")).StatusCode);
    }
}
