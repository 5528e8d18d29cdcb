using Elfs.Connector.LabelStudio;
using Elfs.Connector.Tests.LabelStudio.Fake;

namespace Elfs.Connector.Tests.LabelStudio;

public class LabelStudioImageTests
{
    private static async Task<byte[]> Read(ILabelingTool tool, string id, string reference)
    {
        await using var stream = await tool.OpenImageAsync(new SourceItem(id, reference, false, null), CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task ReadsUploadsAndLocalFilesWithTheToken()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.Fake.AddTask(1, h.Fake.UploadRef("a.png"));
        h.Fake.AddFile("upload/7/a.png", [1, 2, 3]);
        h.Fake.AddFile("local/dataset/b c.png", [4, 5]);
        var tool = h.Tool();
        Assert.Equal([1, 2, 3], await Read(tool, "1", h.Fake.UploadRef("a.png")));
        Assert.Equal([4, 5], await Read(tool, "1", FakeLabelStudio.LocalRef("dataset/b c.png")));
        Assert.All(h.Fake.Server.Requests, r => Assert.Equal($"Token {h.Fake.LegacyToken}", r.Authorization));
    }

    [Theory]
    [InlineData("s3://bucket/photos/x.png")]
    [InlineData("gs://bucket/photos/x.png")]
    [InlineData("azure-blob://bucket/photos/x.png")]
    public async Task CloudUrisGoThroughTheResolveEndpointAndTheRedirectCarriesNoToken(string raw)
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.Fake.AddTask(5, raw);
        h.Fake.AddFile("cloud/bucket/photos/x.png", [9, 8, 7]);
        Assert.Equal([9, 8, 7], await Read(h.Tool(h.Fake.PersonalAccessToken), "5", raw));
        var resolve = Assert.Single(h.Fake.Server.Requests, r => r.Path == "/tasks/5/resolve/");
        Assert.Equal(303, resolve.StatusCode);
        Assert.StartsWith("Bearer ", resolve.Authorization);
        Assert.Contains(Uri.EscapeDataString(ImageReference.FileUri(raw)), resolve.Query);
        var cloud = Assert.Single(h.Fake.Cloud.Requests);
        Assert.Null(cloud.Authorization);
        Assert.Equal(200, cloud.StatusCode);
    }

    [Fact]
    public void FileUriIsBase64UrlWithPadding() =>
        Assert.Equal("czM6Ly9iL2s_Pz8-", ImageReference.FileUri("s3://b/k???>")); // '?'/'>' exercise '_' and '-'

    [Fact]
    public async Task AlreadyResolvedRelativeUrlsAndAbsoluteUrlsWork()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.Fake.AddTask(6, "x");
        h.Fake.AddFile("cloud/bucket/y.png", [1]);
        h.Fake.AddFile("cloud/cdn/z.png", [2]);
        var tool = h.Tool();
        Assert.Equal([1], await Read(tool, "6", $"/tasks/6/resolve/?fileuri={ImageReference.FileUri("s3://bucket/y.png")}"));
        Assert.Equal([2], await Read(tool, "6", h.Fake.CloudUrl("cdn/z.png")));
        Assert.All(h.Fake.Cloud.Requests, r => Assert.Null(r.Authorization));
        h.Fake.AddFile("upload/7/abs.png", [3]);
        Assert.Equal([3], await Read(tool, "6", new Uri(h.Fake.BaseUri, "data/upload/7/abs.png").ToString())); // an absolute URL on the LS host gets the token
    }

    [Fact]
    public async Task MissingForbiddenOversizedAndSlowImagesArePerItemErrors()
    {
        await using var h = await LabelStudioHarness.StartAsync();
        h.Fake.AddTask(1, "x");
        h.Fake.AddFile("upload/7/big.png", new byte[2000]);
        h.Fake.AddFile("upload/7/slow.png", [1]);
        var tool = h.Tool(change: o => { o.Http.MaxImageBytes = 1000; o.ImageTimeout = TimeSpan.FromSeconds(1.5); o.Http.MaxRetries = 1; });

        var missing = await Assert.ThrowsAsync<ItemUnavailableException>(() => Read(tool, "1", h.Fake.UploadRef("gone.png")));
        Assert.Contains("HTTP 500", missing.Reason);
        var local = await Assert.ThrowsAsync<ItemUnavailableException>(() => Read(tool, "1", FakeLabelStudio.LocalRef("nope.png")));
        Assert.Contains("not found", local.Reason);
        var cloud = await Assert.ThrowsAsync<ItemUnavailableException>(() => Read(tool, "1", "s3://bucket/none.png"));
        Assert.Contains("HTTP 404", cloud.Reason);
        Assert.DoesNotContain("Signature", cloud.Message);
        var big = await Assert.ThrowsAsync<ItemUnavailableException>(() => Read(tool, "1", h.Fake.UploadRef("big.png")));
        Assert.Contains("MaxImageBytes", big.Reason);
        var odd = await Assert.ThrowsAsync<ItemUnavailableException>(() => Read(tool, "1", "ftp://host/x.png"));
        Assert.Contains("unsupported", odd.Reason);
        h.Fake.AddFault(new FakeFault("GET", "/data/upload/7/slow.png", 5, Delay: TimeSpan.FromSeconds(5)));
        var slow = await Assert.ThrowsAsync<ItemUnavailableException>(() => Read(tool, "1", h.Fake.UploadRef("slow.png")));
        Assert.Contains("ImageTimeout", slow.Reason);
        Assert.Equal(2000, (await Read(h.Tool(), "1", h.Fake.UploadRef("big.png"))).Length); // within the default limit
    }
}
