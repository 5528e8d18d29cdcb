using Elfs.Connector;

namespace Elfs.Connector.Tests;

public class RunIdTests
{
    [Theory]
    [InlineData("20261124-0200-project_a")]
    [InlineData("7")]
    public void AcceptsLettersDigitsDashUnderscore(string value) => Assert.Equal(value, new RunId(value).Value);

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/not-allowed")]
    public void RejectsOtherCharactersNamingTheValue(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => new RunId(value));
        Assert.Contains($"'{value}'", e.Message);
    }
}
