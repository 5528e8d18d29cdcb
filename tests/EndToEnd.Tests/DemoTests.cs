using Elfs.Host.Tests;
using Elfs.Host.Cli;
using Elfs.Engine.IO;

namespace Elfs.EndToEnd.Tests;

public sealed class DemoTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task The_demo_exports_images_runs_once_and_prints_where_the_queue_and_report_are()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await DemoCommand.RunAsync(_temp.File("demo"), 100, "20", "cpu", FashionMnist.DefaultDirectory, output, error, CancellationToken.None);
        Assert.True(code == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("exported 100 Fashion-MNIST images", text);
        Assert.Contains($"queue:  {_temp.File("demo/queue/queue.csv")}", text);
        Assert.Contains($"report: {_temp.File("demo/queue/report.html")}", text);
        Assert.Equal(21, File.ReadAllLines(_temp.File("demo/queue/queue.csv")).Length);
        Assert.True(File.Exists(_temp.File("demo/queue/report.html")));
    }

    [Fact]
    public async Task A_bad_demo_budget_is_reported_as_the_option()
    {
        var error = new StringWriter();
        Assert.Equal(1, await DemoCommand.RunAsync(_temp.File("demo"), 30, "2.5", "cpu", FashionMnist.DefaultDirectory, new StringWriter(), error, CancellationToken.None));
        Assert.Contains("--budget: 2.5 is not a fraction in (0, 1] nor a count", error.ToString());
    }

    public void Dispose() => _temp.Dispose();
}
